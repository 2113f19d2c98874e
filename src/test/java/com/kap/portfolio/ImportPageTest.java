package com.kap.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kap.platform.i18n.UserLocales;
import com.kap.platform.web.RequestText;
import com.kap.portfolio.internal.PortfolioCsvParser;
import com.kap.support.Api;
import com.kap.support.KapTest;
import com.kap.support.WebappSession;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Year;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The portfolio import page (/kap/import) over HTTP in the webapps' session, as the programme director's browser
 * uses it: upload, preview, errors, confirmation; and who may not. Its accounts are IMP-… only: the demo portfolio
 * is shared with the other tests and stays as it is.
 */
@KapTest
class ImportPageTest {

  static final String HEADER = String.join(",", PortfolioCsvParser.REQUIRED_COLUMNS);
  static final String HIGH = "9,9,9,9,9,9";
  static final String LOW = "2,2,2,2,2,2";

  @Autowired TestRestTemplate rest;
  @Autowired Portfolio portfolio;
  @Autowired UserLocales locales;
  @LocalServerPort int port;
  Api api;
  WebappSession diane;

  @BeforeEach
  void logIn() {
    api = new Api(rest);
    diane = new WebappSession(port);
    assertThat(diane.login("diane", "demo", "tasklist")).isEqualTo(200);
  }

  @Test
  void thePreviewShowsNewChangedAndSegmentMovedAccountsAndWritesNothing() {
    imported(HEADER + "\n"
        + "IMP-101,Low Lands,EMEA,alice,," + LOW + "," + LOW + "\n"
        + "IMP-102,Kept Name,AMER,alice,gilles," + HIGH + "," + LOW + "\n"
        + "IMP-103,Same Again,APAC,chen,," + LOW + "," + HIGH + "\n");

    HttpResponse<String> page = upload(diane, "portfolio.csv", HEADER + "\n"
        + "IMP-101,Low Lands,EMEA,alice,," + HIGH + "," + HIGH + "\n"
        + "IMP-102,Kept Name,EMEA,bruno,," + HIGH + "," + LOW + "\n"
        + "IMP-103,Same Again,APAC,chen,," + LOW + "," + HIGH + "\n"
        + "IMP-104,\"Fish & <Chips>\",EMEA,alice,gilles," + HIGH + "," + LOW + "\n");

    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    String body = page.body();
    assertThat(body).contains("Preview of portfolio.csv", "Nothing is imported yet");
    assertThat(rows(body, "import-summary")).containsExactly("Accounts in the file 4", "New accounts 1",
        "Accounts that change 2", "Accounts as they are in KAP already 1",
        "Segment moves for the " + segmentationYear(body) + " segmentation 1");
    assertThat(rows(body, "new-accounts")).containsExactly("IMP-104 Fish & <Chips> EMEA alice gilles Star");
    assertThat(body).as("the name is escaped").contains("Fish &amp; &lt;Chips&gt;").doesNotContain("<Chips>");
    assertThat(rows(body, "changed-accounts")).containsExactly(
        "Low Lands IMP-101 spend 2 9", "profitPotential 2 9", "growth 2 9", "strategicFit 2 9",
        "partnershipOpenness 2 9", "referenceValue 2 9", "solutionFit 2 9", "deliveryReliability 2 9",
        "relationshipDepth 2 9", "valueVsPrice 2 9", "shareOfWallet 2 9", "easeOfBusiness 2 9",
        "Kept Name IMP-102 region AMER EMEA", "kam alice bruno", "sponsor gilles (empty)");
    assertThat(rows(body, "segment-moves")).containsExactly("Low Lands IMP-101 Streamline Strategic");
    assertThat(body).contains("Import these accounts");

    // the year the moves apply to: this year or the first after it that has no segmentation yet
    int year = segmentationYear(body);
    assertThat(year).isGreaterThanOrEqualTo(Year.now().getValue());
    assertThat(portfolio.segmentCount(year)).isZero();
    for (int before = Year.now().getValue(); before < year; before++) {
      assertThat(portfolio.segmentCount(before)).as("segmented: " + before).isPositive();
    }

    // nothing is written by the preview
    assertThat(api.get("diane", "/api/accounts/IMP-104", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    JsonNode kept = account("IMP-102");
    assertThat(kept.get("kam").asText()).isEqualTo("alice");
    assertThat(kept.get("region").asText()).isEqualTo("AMER");
    assertThat(account("IMP-101").get("segment").asText()).isEqualTo("Streamline");
  }

  @Test
  void aSpreadsheetsFileWithByteOrderMarkSemicolonsAndCrLfImportsOnThePageAndThroughTheApi() {
    String semicolons = "\uFEFF" + HEADER.replace(',', ';') + ";revenue;grossMargin\r\n"
        + "IMP-201;Müller; Söhne;EMEA;alice;gilles;" + HIGH.replace(',', ';') + ";" + HIGH.replace(',', ';')
        + ";1250000,50;310000\r\n"
        + ";;;;;;;;;;;;;;;;;;\r\n"
        + "IMP-202;Café Zürich, AG;AMER;bruno;;" + LOW.replace(',', ';') + ";" + HIGH.replace(',', ';') + ";;\r\n";
    // "Müller; Söhne" holds a separator: a spreadsheet quotes it
    semicolons = semicolons.replace("Müller; Söhne", "\"Müller; Söhne\"");
    byte[] file = semicolons.getBytes(StandardCharsets.UTF_8);

    HttpResponse<String> page = diane.postPageWithFile("/kap/import", diane.xsrfToken(), Map.of(), "file",
        "Portfolio (Excel).csv", file);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(rows(page.body(), "new-accounts")).containsExactly(
        "IMP-201 Müller; Söhne EMEA alice gilles Strategic", "IMP-202 Café Zürich, AG AMER bruno — Status");

    HttpResponse<String> confirmed = confirm(diane, page.body());
    assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(302);
    JsonNode first = account("IMP-201");
    assertThat(first.get("name").asText()).isEqualTo("Müller; Söhne");
    assertThat(first.get("revenue").decimalValue()).isEqualByComparingTo("1250000.50");
    assertThat(first.get("grossMargin").decimalValue()).isEqualByComparingTo("310000");
    assertThat(account("IMP-202").get("name").asText()).isEqualTo("Café Zürich, AG");

    // the API takes the same bytes
    ResponseEntity<JsonNode> again = api.postBytes("diane", file, MediaType.valueOf("text/csv"), JsonNode.class);
    assertThat(again.getStatusCode()).as(String.valueOf(again.getBody())).isEqualTo(HttpStatus.OK);
    assertThat(again.getBody().get("updated").asInt()).isEqualTo(2);
    assertThat(again.getBody().get("imported").asInt()).isZero();
  }

  @Test
  void errorsShowAsATableByLineAndColumnAndNothingCanBeConfirmed() {
    HttpResponse<String> page = upload(diane, "broken.csv", HEADER + "\n"
        + "IMP-301,Good,EMEA,alice,," + HIGH + "," + HIGH + "\n"
        + "IMP-302,Bad Score,EMEA,alice,,11,9,9,9,9,9," + HIGH + "\n"
        + "IMP-303,Nobody's,EMEA,nobody,," + HIGH + "," + HIGH + "\n"
        + "IMP-304,,EMEA,alice,," + HIGH + "," + HIGH + "\n"
        + "IMP-305,All Wrong,EMEA,nobody,ghost,11,9,9,9,9,9," + HIGH + "\n");

    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).contains("6 errors in broken.csv", "Nothing can be imported while the file has errors")
        .doesNotContain("Import these accounts", "name=\"preview\"");
    assertThat(rows(page.body(), "import-errors")).containsExactly(
        "3 spend spend must be from 1 to 10, was 11",
        "4 kam kam 'nobody' is not a known user",
        "5 name name is empty",
        "6 spend spend must be from 1 to 10, was 11",
        "6 kam kam 'nobody' is not a known user",
        "6 sponsor sponsor 'ghost' is not a known user");

    HttpResponse<String> header = upload(diane, "header.csv", HEADER.replace("kam,", "") + ",colour\nx\n");
    assertThat(rows(header.body(), "import-errors")).contains("1 colour unknown column 'colour'; expected the "
        + "columns " + HEADER + " and optionally revenue,grossMargin", "1 kam missing column 'kam'");

    HttpResponse<String> guessed = diane.postPage("/kap/import/confirm", "preview=0123&sha256=abc",
        diane.xsrfToken());
    assertThat(guessed.statusCode()).isEqualTo(409);
    assertThat(guessed.body()).contains("There is no preview to confirm");
    assertThat(api.get("diane", "/api/accounts/IMP-301", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void theConfirmationImportsThePreviewedFileOnceAndNothingTheBrowserSendsAgain() {
    String previewed = HEADER + "\nIMP-401,Previewed,EMEA,alice,," + HIGH + "," + LOW + "\n";
    HttpResponse<String> page = upload(diane, "previewed.csv", previewed);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(api.get("diane", "/api/accounts/IMP-401", String.class).getStatusCode())
        .as("nothing before the confirmation").isEqualTo(HttpStatus.NOT_FOUND);

    // a tampered confirmation: another file in the form is ignored, only the kept one is imported
    HttpResponse<String> confirmed = diane.postPageWithFile("/kap/import/confirm", diane.xsrfToken(),
        Map.of("preview", hidden(page.body(), "preview"), "sha256", hidden(page.body(), "sha256")), "file",
        "other.csv", (HEADER + "\nIMP-499,Smuggled,EMEA,alice,," + HIGH + "," + LOW + "\n")
            .getBytes(StandardCharsets.UTF_8));
    assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(302);
    assertThat(confirmed.headers().firstValue("Location")).hasValueSatisfying(
        location -> assertThat(location).endsWith("/kap/import/done"));
    assertThat(account("IMP-401").get("name").asText()).isEqualTo("Previewed");
    assertThat(api.get("diane", "/api/accounts/IMP-499", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);

    HttpResponse<String> done = diane.page("/kap/import/done");
    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(done.body()).contains("previewed.csv is imported: 1 new account added, 0 accounts of the file updated");
    assertThat(rows(done.body(), "new-accounts")).containsExactly("IMP-401 Previewed EMEA alice — Star");

    // confirmed once: the same confirmation again imports nothing
    HttpResponse<String> twice = confirm(diane, page.body());
    assertThat(twice.statusCode()).isEqualTo(409);
    assertThat(twice.body()).contains("There is no preview to confirm: it was imported already");
    assertThat(account("IMP-401").get("name").asText()).isEqualTo("Previewed");

    // a confirmation that names another file than the one previewed imports nothing
    HttpResponse<String> next = upload(diane, "next.csv", HEADER + "\nIMP-402,Next,EMEA,alice,," + HIGH + ","
        + LOW + "\n");
    HttpResponse<String> wrongHash = diane.postPage("/kap/import/confirm", "preview=" + hidden(next.body(), "preview")
        + "&sha256=" + sha256(previewed), diane.xsrfToken());
    assertThat(wrongHash.statusCode()).isEqualTo(409);
    assertThat(wrongHash.body()).contains("This confirmation is not of the file last previewed");
    assertThat(api.get("diane", "/api/accounts/IMP-402", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void aChangeToTheFilesAccountsSinceThePreviewIsRefusedWithAskingForANewPreview() {
    HttpResponse<String> page = upload(diane, "late.csv", HEADER + "\nIMP-501,Mine,EMEA,alice,," + HIGH + ","
        + HIGH + "\n");
    assertThat(page.statusCode()).isEqualTo(200);
    imported(HEADER + "\nIMP-501,Someone Else's,AMER,bruno,," + LOW + "," + LOW + "\n");

    HttpResponse<String> confirmed = confirm(diane, page.body());
    assertThat(confirmed.statusCode()).isEqualTo(409);
    assertThat(confirmed.body()).contains("The portfolio changed since your preview",
        "Upload the file again for a new preview");
    assertThat(account("IMP-501").get("name").asText()).isEqualTo("Someone Else's");
    assertThat(account("IMP-501").get("kam").asText()).isEqualTo("bruno");

    // previewed again, it shows the change and imports
    HttpResponse<String> again = upload(diane, "late.csv", HEADER + "\nIMP-501,Mine,EMEA,alice,," + HIGH + ","
        + HIGH + "\n");
    assertThat(rows(again.body(), "segment-moves")).containsExactly("Mine IMP-501 Streamline Strategic");
    assertThat(confirm(diane, again.body()).statusCode()).isEqualTo(302);
    assertThat(account("IMP-501").get("kam").asText()).isEqualTo("alice");
  }

  @Test
  void aKamIsRefusedThePageAndItsUploadAndOnlyTheProgrammeDirectorIsLinkedToIt() throws Exception {
    WebappSession alice = new WebappSession(port);
    alice.login("alice", "demo", "tasklist");
    HttpResponse<String> page = alice.page("/kap/import");
    assertThat(page.statusCode()).isEqualTo(403);
    assertThat(page.body()).contains("The portfolio import is for the programme director")
        .doesNotContain("name=\"file\"");
    HttpResponse<String> upload = upload(alice, "mine.csv", HEADER + "\nIMP-601,Alice's,EMEA,alice,," + HIGH + ","
        + HIGH + "\n");
    assertThat(upload.statusCode()).isEqualTo(403);
    assertThat(upload.body()).contains("The portfolio import is for the programme director")
        .doesNotContain("IMP-601");
    assertThat(alice.postPage("/kap/import/confirm", "preview=x&sha256=y", alice.xsrfToken()).statusCode())
        .isEqualTo(403);
    assertThat(api.get("diane", "/api/accounts/IMP-601", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);

    ObjectMapper json = new ObjectMapper();
    assertThat(json.readTree(alice.pageJson("/kap/links").body()).findValuesAsText("path"))
        .doesNotContain("/kap/import");
    assertThat(json.readTree(diane.pageJson("/kap/links").body()).findValuesAsText("label"))
        .contains("Import portfolio");
    WebappSession eric = new WebappSession(port);
    eric.login("eric", "demo", "tasklist");
    assertThat(eric.page("/kap/import").statusCode()).as("a director is no programme director").isEqualTo(403);
  }

  @Test
  void anUploadOrConfirmationWithoutTheSessionsCsrfTokenIsRefused() {
    String file = HEADER + "\nIMP-701,Forged,EMEA,alice,," + HIGH + "," + HIGH + "\n";
    HttpResponse<String> forged = diane.postPageWithFile("/kap/import", null, Map.of(), "file", "f.csv",
        file.getBytes(StandardCharsets.UTF_8));
    assertThat(forged.statusCode()).isEqualTo(403);
    HttpResponse<String> wrong = diane.postPageWithFile("/kap/import", "not-the-token", Map.of(), "file", "f.csv",
        file.getBytes(StandardCharsets.UTF_8));
    assertThat(wrong.statusCode()).isEqualTo(403);

    HttpResponse<String> page = upload(diane, "f.csv", file);
    assertThat(page.statusCode()).isEqualTo(200);
    HttpResponse<String> forgedConfirmation = diane.postPage("/kap/import/confirm", "preview="
        + hidden(page.body(), "preview") + "&sha256=" + hidden(page.body(), "sha256"), null);
    assertThat(forgedConfirmation.statusCode()).isEqualTo(403);
    assertThat(api.get("diane", "/api/accounts/IMP-701", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(confirm(diane, page.body()).statusCode()).as("the real confirmation still works").isEqualTo(302);
    assertThat(account("IMP-701").get("name").asText()).isEqualTo("Forged");
  }

  @Test
  void aFileAsExcelSavesItOnWindowsIsReadInWindows1252AndOneThatIsNoTextIsRefused() {
    HttpResponse<String> page = diane.postPageWithFile("/kap/import", diane.xsrfToken(), Map.of(), "file",
        "windows.csv", (HEADER.replace(',', ';') + ";revenue\r\nIMP-801;Société Générale € – « Œuvre »;EMEA;alice;;"
            + HIGH.replace(',', ';') + ";" + HIGH.replace(',', ';') + ";1234,5\r\n")
            .getBytes(RequestText.WINDOWS_1252));
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(rows(page.body(), "new-accounts")).containsExactly(
        "IMP-801 Société Générale € – « Œuvre » EMEA alice — Strategic");
    assertThat(confirm(diane, page.body()).statusCode()).isEqualTo(302);
    assertThat(account("IMP-801").get("name").asText()).isEqualTo("Société Générale € – « Œuvre »");

    HttpResponse<String> binary = diane.postPageWithFile("/kap/import", diane.xsrfToken(), Map.of(), "file",
        "utf16.csv", (HEADER + "\nIMP-802,Café,EMEA,alice,," + HIGH + "," + HIGH + "\n")
            .getBytes(StandardCharsets.UTF_16LE));
    assertThat(binary.statusCode()).isEqualTo(400);
    assertThat(binary.body()).contains("The file is not text (line 1): it holds bytes no spreadsheet writes in a CSV "
        + "file; save it from the spreadsheet as CSV and upload it again");
    HttpResponse<String> none = diane.postPageWithFile("/kap/import", diane.xsrfToken(), Map.of(), null, null, null);
    assertThat(none.statusCode()).isEqualTo(400);
    assertThat(none.body()).contains("Choose the portfolio file (CSV) to preview");
  }

  @Test
  void aFrenchSpeakingDirectorReadsThePageAndTheFilesErrorsInFrench() {
    locales.set("diane", Locale.FRENCH);
    try {
      HttpResponse<String> form = diane.page("/kap/import");
      assertThat(form.body()).contains("lang=\"fr\"", "<h1>Importer le portefeuille</h1>",
          "Choisir le fichier du portefeuille", "Fichier du portefeuille (CSV)", ">Aperçu</button>");

      HttpResponse<String> page = upload(diane, "erreurs.csv", HEADER + "\n"
          + "IMP-811,Mauvaise note,EMEA,alice,,11,9,9,9,9,9," + HIGH + "\n"
          + "IMP-812,Inconnu,EMEA,nobody,," + HIGH + "," + HIGH + "\n");

      assertThat(page.statusCode()).isEqualTo(400);
      assertThat(page.body()).contains("2 erreurs dans erreurs.csv", "Erreurs par ligne et par colonne",
          "<th scope=\"col\">Ligne</th>", "<th scope=\"col\">Colonne</th>", "<th scope=\"col\">Problème</th>",
          "Rien ne peut être importé tant que le fichier contient des erreurs");
      assertThat(rows(page.body(), "import-errors")).containsExactly(
          "2 spend spend doit être compris entre 1 et 10, valeur : 11",
          "3 kam kam 'nobody' n'est pas un utilisateur connu");
      HttpResponse<String> binary = diane.postPageWithFile("/kap/import", diane.xsrfToken(), Map.of(), "file",
          "nul.csv", new byte[] {'a', '\n', 0});
      assertThat(binary.body()).contains("Le fichier n&#39;est pas du texte (ligne 2)");

      HttpResponse<String> preview = upload(diane, "bon.csv", HEADER + "\nIMP-813,Bon,EMEA,alice,," + HIGH + ","
          + HIGH + "\n");
      assertThat(preview.statusCode()).isEqualTo(200);
      assertThat(preview.body()).contains("Aperçu de bon.csv", "Importer ces comptes");
      assertThat(rows(preview.body(), "import-summary")).first().isEqualTo("Comptes dans le fichier 1");
      assertThat(confirm(diane, preview.body()).statusCode()).isEqualTo(302);
      HttpResponse<String> done = diane.page("/kap/import/done");
      assertThat(done.body()).contains("bon.csv est importé : 1 nouveau compte ajouté, 0 compte du fichier mis à "
          + "jour (0 avec des modifications, 0 inchangé).");
    } finally {
      locales.set("diane", null);
    }
  }

  private HttpResponse<String> upload(WebappSession session, String fileName, String csv) {
    return session.postPageWithFile("/kap/import", session.xsrfToken(), Map.of(), "file", fileName,
        csv.getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> confirm(WebappSession session, String previewPage) {
    return session.postPage("/kap/import/confirm", "preview=" + hidden(previewPage, "preview") + "&sha256="
        + hidden(previewPage, "sha256"), session.xsrfToken());
  }

  private void imported(String csv) {
    ResponseEntity<String> response = api.postCsv("diane", csv, String.class);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
  }

  private JsonNode account(String id) {
    ResponseEntity<JsonNode> response = api.get("diane", "/api/accounts/" + id, JsonNode.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hidden(String page, String name) {
    Matcher value = Pattern.compile("name=\"" + name + "\"\\s+value=\"([^\"]*)\"").matcher(page);
    assertThat(value.find()).as("hidden field " + name + " in " + page).isTrue();
    return value.group(1);
  }

  private static int segmentationYear(String page) {
    Matcher year = Pattern.compile("Segment moves for the (\\d{4}) segmentation").matcher(page);
    assertThat(year.find()).as(page).isTrue();
    return Integer.parseInt(year.group(1));
  }

  /** The text of each row of the table with this id, tags removed and spaces collapsed. */
  static List<String> rows(String page, String tableId) {
    Matcher table = Pattern.compile("<table[^>]*id=\"" + tableId + "\".*?</table>", Pattern.DOTALL).matcher(page);
    assertThat(table.find()).as("table " + tableId + " in " + page).isTrue();
    List<String> rows = new ArrayList<>();
    Matcher row = Pattern.compile("<tr[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(table.group());
    while (row.find()) {
      String text = row.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip()
          .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
          .replace("&amp;", "&");
      if (!row.group(1).contains("<th scope=\"col\"")) {
        rows.add(text);
      }
    }
    return rows;
  }
}
