package com.kap.planning;

import static com.kap.support.Exports.cell;
import static com.kap.support.Exports.date;
import static com.kap.support.Exports.header;
import static com.kap.support.Exports.number;
import static com.kap.support.Exports.row;
import static com.kap.support.Exports.shown;
import static com.kap.support.Exports.text;
import static com.kap.support.ExportYear.IN_REVIEW;
import static com.kap.support.ExportYear.OVERRIDDEN;
import static com.kap.support.ExportYear.OVERRIDE_REASON;
import static com.kap.support.ExportYear.PLAN_ACCOUNT;
import static com.kap.support.ExportYear.YEAR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.kap.platform.exports.PdfDocuments;
import com.kap.platform.i18n.UserLocales;
import com.kap.platform.pages.PageFormats;
import com.kap.support.Api;
import com.kap.support.ExportYear;
import com.kap.support.Exports;
import com.kap.support.KapTest;
import com.kap.support.WebappSession;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The exports in the requester's language (docs/i18n.md, "Exports"): over the API the request's
 * {@code Accept-Language}, under {@code /kap/exports} the logged-in user's. The data is {@link ExportYear}'s cycle.
 */
@KapTest
class ExportsInFrenchTest {

  private static final String PDF = "/api/accounts/" + PLAN_ACCOUNT + "/plans/" + YEAR + ".pdf";
  private static final String PLANS = "/api/programme/" + YEAR + "/plans.xlsx";
  /** A French date, e.g. 15/03/2027. */
  private static final String FRENCH_DAY = "\\d{2}/\\d{2}/\\d{4}";

  @Autowired TestRestTemplate rest;
  @Autowired UserLocales locales;
  @Autowired PdfDocuments pdf;
  @Autowired ProgrammeProofs proofs;
  @Autowired PageFormats fmt;
  @LocalServerPort int port;
  Api api;
  Exports exports;

  @BeforeEach
  void cycle() throws InterruptedException {
    api = new Api(rest);
    exports = new Exports(rest);
    ExportYear.ensure(api);
  }

  /** The PDF's text with French no-break spaces as plain ones. */
  private static String pdfText(byte[] pdf) throws Exception {
    return Exports.pdfText(pdf).replace('\u00A0', ' ').replace('\u202F', ' ');
  }

  private String segment() {
    return api.get("alice", "/api/accounts/" + PLAN_ACCOUNT, JsonNode.class).getBody().get("segmentsByYear")
        .get(String.valueOf(YEAR)).get("segment").asText();
  }

  @Test
  void thePlanPdfInFrenchOverTheApi() throws Exception {
    ResponseEntity<byte[]> answer = exports.get("alice", PDF, "fr-FR,fr;q=0.9,en;q=0.5");
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    Exports.keep(answer.getBody(), "account-plan-fr.pdf");
    String text = pdfText(answer.getBody());
    assertThat(text).contains("Plan de compte " + YEAR + " · compte " + segment(),
        "Responsable grand compte (KAM) alice", "Sponsor exécutif gilles", "État Approuvé",
        "Version 1, soumise par alice le ", "Situation du client", "Rentabilité", "objectif de valeur",
        "31/12/" + YEAR, "31/03/" + YEAR, "Plan d’actions", "Interne : pas pour le client",
        "Carte des parties prenantes", "Page 1 sur ", "Imprimé par KAP le ");
    assertThat(text).as("the approval, dated in French").containsPattern("Approbation par diane le " + FRENCH_DAY);
    assertThat(text).doesNotContain("Account plan", "Key account manager", "Internal: not for the customer",
        "31 Dec", "Page 1 of");

    ResponseEntity<byte[]> inReview = exports.get("chen", "/api/accounts/" + IN_REVIEW + "/plans/" + YEAR + ".pdf",
        "fr");
    assertThat(pdfText(inReview.getBody())).contains("État En revue, pas encore approuvé",
        "Approbation Pas encore approuvé");
  }

  @Test
  void theProofsPdfInFrench() throws Exception {
    ResponseEntity<byte[]> answer = exports.get("eric", "/api/programme/" + YEAR + "/proofs.pdf", "fr");
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    Exports.keep(answer.getBody(), "proofs-of-success-fr.pdf");
    assertThat(pdfText(answer.getBody())).contains("Preuves de succès " + YEAR, "Objectifs de valeur",
        "comptes segmentés", "Tenue des rituels", "Tous les segments", "Formations dispensées", "Plan de formation",
        "heures-participants", "Page 1 sur ",
        "imprimé par eric le ").containsPattern("imprimé par eric le " + FRENCH_DAY)
        .doesNotContain("Proofs of success", "Ritual compliance", "All segments");
  }

  @Test
  void theDocumentSaysItsLanguage() {
    Map<String, Object> figures = Map.of("p", proofs.of(YEAR), "printedOn", "-", "printedBy", "eric", "fmt", fmt);
    assertThat(pdf.xhtml("programme-proofs", figures, Locale.FRENCH)).contains("lang=\"fr\"")
        .contains("Preuves de succès " + YEAR);
    assertThat(pdf.xhtml("programme-proofs", figures, Locale.ENGLISH)).contains("lang=\"en\"")
        .contains("Proofs of success " + YEAR);
  }

  @Test
  void theApiAnswersEnglishForALanguageKapDoesNotSpeak() throws Exception {
    String text = pdfText(exports.get("alice", PDF, "de").getBody());
    assertThat(text).contains("Account plan " + YEAR, "Status Approved", "Page 1 of ");
  }

  @Test
  void theYearsPlansInFrenchOverTheApi() throws Exception {
    ResponseEntity<byte[]> answer = exports.get("eric", PLANS, "fr");
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    try (XSSFWorkbook book = Exports.workbook(answer.getBody())) {
      Sheet sheet = book.getSheet("Plans " + YEAR);
      assertThat(sheet).isNotNull();
      assertThat(header(sheet)).containsExactly("Identifiant du compte", "Compte", "Région", "KAM", "Sponsor",
          "Segment", "État du plan", "Version", "Soumis le", "Soumis par", "Contrôle qualité passé",
          "Revu par le sponsor", "Approuvé le", "Approuvé par", "Approuvé avant la date limite", "En retard",
          "Objectif de valeur", "Objectifs", "Actions", "Besoins de formation");
      Exports.assertFrozenHeaderAndWidths(sheet);

      Row atlas = row(sheet, "Identifiant du compte", PLAN_ACCOUNT);
      assertThat(text(atlas, "État du plan")).isEqualTo("Approuvé");
      assertThat(text(atlas, "Contrôle qualité passé")).isEqualTo("Oui");
      assertThat(text(atlas, "En retard")).isEqualTo("Non");
      assertThat(number(atlas, "Version")).as("numbers stay numbers").isEqualTo(1.0);
      assertThat(date(atlas, "Approuvé le")).as("dates stay dates").isAfterOrEqualTo(date(atlas, "Soumis le"));
      assertThat(cell(atlas, "Approuvé le").getCellStyle().getDataFormatString()).isEqualTo("dd/mm/yyyy hh:mm");
      assertThat(shown(atlas, "Approuvé le")).as("shown as a French date").matches(FRENCH_DAY + " \\d{2}:\\d{2}");

      Row maple = row(sheet, "Identifiant du compte", IN_REVIEW);
      assertThat(text(maple, "État du plan")).isEqualTo("En revue");
    }
  }

  @Test
  void theSegmentationInFrenchOverTheApi() throws Exception {
    ResponseEntity<byte[]> answer = exports.get("eric", "/api/portfolio/segmentation.xlsx?year=" + YEAR, "fr");
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    try (XSSFWorkbook book = Exports.workbook(answer.getBody())) {
      Sheet sheet = book.getSheet("Segmentation " + YEAR);
      assertThat(header(sheet)).containsExactly("Identifiant du compte", "Compte", "Région", "KAM", "Sponsor",
          "Attractivité", "Force", "Segment calculé", "Segment", "Ajustement", "Motif de l’ajustement",
          "Ajusté par", "Ajusté le");
      Row overridden = row(sheet, "Identifiant du compte", OVERRIDDEN);
      assertThat(text(overridden, "Motif de l’ajustement")).as("as typed").isEqualTo(OVERRIDE_REASON);
      assertThat(shown(overridden, "Ajusté le")).matches(FRENCH_DAY + " \\d{2}:\\d{2}");
    }
  }

  @Test
  void aFrenchUsersDownloadsFromThePagesAreInFrench() throws Exception {
    Locale chosen = locales.chosenBy("alice").orElse(null);
    locales.set("alice", Locale.FRENCH);
    try {
      WebappSession alice = new WebappSession(port);
      assertThat(alice.login("alice", "demo", "tasklist")).isEqualTo(200);
      HttpResponse<byte[]> pdf = alice.download("/kap/exports/accounts/" + PLAN_ACCOUNT + "/plans/" + YEAR + ".pdf");
      assertThat(pdf.statusCode()).isEqualTo(200);
      assertThat(pdfText(pdf.body())).contains("Plan de compte " + YEAR, "État Approuvé", "31/12/" + YEAR);
    } finally {
      locales.set("alice", chosen);
    }
    assertThat(pdfText(exports.get("alice", PDF).getBody())).as("the API keeps English without Accept-Language")
        .contains("Account plan " + YEAR);
  }
}
