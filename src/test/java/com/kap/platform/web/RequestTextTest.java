package com.kap.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kap.platform.i18n.Bundles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

class RequestTextTest {

  private static final MediaType CSV = MediaType.valueOf("text/csv");

  @Test
  void readsUtf8UnlessAnotherCharsetIsDeclaredAndDropsAByteOrderMark() throws IOException {
    assertThat(read("\uFEFFCafé, 東京".getBytes(StandardCharsets.UTF_8), CSV)).isEqualTo("Café, 東京");
    assertThat(read("Café".getBytes(StandardCharsets.ISO_8859_1), MediaType.valueOf("text/csv;charset=ISO-8859-1")))
        .isEqualTo("Café");
    assertThat(read("Café".getBytes(StandardCharsets.UTF_16LE), MediaType.valueOf("text/csv;charset=UTF-16LE")))
        .isEqualTo("Café");
  }

  @Test
  void refusesBytesThatAreNotValidInTheCharsetAndNamesTheLine() {
    byte[] latin1 = "header\r\nfirst\nsecond Café\n".getBytes(StandardCharsets.ISO_8859_1);

    assertThatThrownBy(() -> read(latin1, CSV)).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(e.getMessage()).isEqualTo("the file is not valid UTF-8 text (line 3); send it as UTF-8 or declare"
          + " its charset in the Content-Type header");
    });
  }

  @Test
  void findsTheLineOfABadByteFarIntoALongBody() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (int line = 1; line < 5000; line++) {
      body.write("a line of text, ü\n".getBytes(StandardCharsets.UTF_8));
    }
    body.write(new byte[] {'x', (byte) 0xC3});
    body.write('\n');

    assertThatThrownBy(() -> read(body.toByteArray(), CSV)).hasMessageContaining("(line 5000)");
  }

  @Test
  void aMultiByteCharacterSplitAcrossReadsIsReadWhole() throws IOException {
    String text = "x".repeat(8191) + "é" + "y";

    assertThat(read(text.getBytes(StandardCharsets.UTF_8), CSV)).isEqualTo(text);
  }

  // ---- a file as a spreadsheet saves it: its encoding detected

  @Test
  void aSpreadsheetFileInUtf8IsReadWithOrWithoutByteOrderMark() throws IOException {
    String text = "name;revenue\r\nSociété Générale;1234,50 €\r\nŁódź 東京;1\r\n";

    assertThat(spreadsheet(text.getBytes(StandardCharsets.UTF_8), CSV)).isEqualTo(text);
    assertThat(spreadsheet(("\uFEFF" + text).getBytes(StandardCharsets.UTF_8), CSV)).isEqualTo(text);
    assertThat(spreadsheet(("\uFEFF" + text).getBytes(StandardCharsets.UTF_8), null)).isEqualTo(text);
  }

  @Test
  void aSpreadsheetFileThatIsNoUtf8IsReadAsWindows1252() throws IOException {
    String text = "name;revenue\r\nSociété Générale;1234,50\r\nCafé Crème – « Œuvre » ’s;€\r\n";
    byte[] windows = text.getBytes(RequestText.WINDOWS_1252);
    assertThat(windows).contains((byte) 0x80, (byte) 0xE9, (byte) 0x8C, (byte) 0x92);

    assertThat(spreadsheet(windows, CSV)).isEqualTo(text);
    assertThat(spreadsheet(windows, null)).isEqualTo(text);
    assertThat(spreadsheet("Café".getBytes(StandardCharsets.ISO_8859_1), CSV)).as("Latin-1's printable range")
        .isEqualTo("Café");
  }

  @Test
  void aDeclaredCharsetIsTakenAsDeclaredNotDetected() {
    byte[] windows = "Société".getBytes(RequestText.WINDOWS_1252);

    assertThatThrownBy(() -> spreadsheet(windows, MediaType.valueOf("text/csv;charset=UTF-8")))
        .hasMessageStartingWith("the file is not valid UTF-8 text (line 1)");
  }

  @Test
  void aSpreadsheetFileWithNulOrUndefinedBytesIsNoText() {
    byte[] utf16 = "accountId,name\nA-1,Café\n".getBytes(StandardCharsets.UTF_16LE);
    byte[] undefined = {'a', '\n', 'b', '\n', 'c', (byte) 0x81, (byte) 0xFF};

    assertThatThrownBy(() -> spreadsheet(utf16, CSV)).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(e.getMessage()).isEqualTo("the file is not text (line 1): it holds bytes no spreadsheet writes in a"
          + " CSV file; send it as UTF-8 or declare its charset in the Content-Type header");
    });
    assertThatThrownBy(() -> spreadsheet(undefined, CSV)).hasMessageContaining("is not text (line 3)");
  }

  @Test
  void theRefusalIsSaidInTheLanguageAsked() {
    assertThatThrownBy(() -> spreadsheet(new byte[] {'x', 0}, CSV)).isInstanceOfSatisfying(ApiException.class,
        e -> assertThat(e.updateAndGetBody(Bundles.standalone(), Locale.FRENCH).getDetail()).isEqualTo(
            "le fichier n'est pas du texte (ligne 1) : il contient des octets qu'aucun tableur n'écrit dans un fichier"
                + " CSV ; envoyez-le en UTF-8 ou déclarez son encodage dans l'en-tête Content-Type"));
  }

  private static String read(byte[] body, MediaType contentType) throws IOException {
    return RequestText.read(new ByteArrayInputStream(body), contentType, Bundles.text("error.what.file"));
  }

  private static String spreadsheet(byte[] body, MediaType contentType) throws IOException {
    return RequestText.readSpreadsheet(new ByteArrayInputStream(body), contentType, Bundles.text("error.what.file"),
        Bundles.text("error.text.declareCharset"));
  }
}
