package com.kap.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

  private static String read(byte[] body, MediaType contentType) throws IOException {
    return RequestText.read(new ByteArrayInputStream(body), contentType, "the file");
  }
}
