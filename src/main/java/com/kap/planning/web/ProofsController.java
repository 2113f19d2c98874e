package com.kap.planning.web;

import com.kap.planning.ProgrammeProofs;
import com.kap.platform.exports.Downloads;
import com.kap.platform.exports.PdfDocuments;
import com.kap.platform.exports.Spreadsheets;
import com.kap.platform.identity.CurrentUser;
import com.kap.platform.i18n.LocalFormats;
import com.kap.platform.pages.PageFormats;
import java.time.LocalDate;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The year's proofs of success as JSON ({@code GET /api/programme/{year}/proofs}) and as a PDF for the steering
 * committee ({@code .../proofs.pdf}, also under {@code /kap/exports} with the webapps' login): the programme
 * director, the directors and the admin. The PDF is in the requester's language (docs/i18n.md, "Exports").
 */
@RestController
public class ProofsController {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

  private final ProgrammeProofs proofs;
  private final CurrentUser currentUser;
  private final PdfDocuments pdf;
  private final Spreadsheets spreadsheets;
  private final Clock clock;
  private final LocalFormats formats;
  private final PageFormats fmt;

  public ProofsController(ProgrammeProofs proofs, CurrentUser currentUser, PdfDocuments pdf,
      Spreadsheets spreadsheets, Clock clock, LocalFormats formats, PageFormats fmt) {
    this.proofs = proofs;
    this.currentUser = currentUser;
    this.pdf = pdf;
    this.spreadsheets = spreadsheets;
    this.clock = clock;
    this.formats = formats;
    this.fmt = fmt;
  }

  @GetMapping("/api/programme/{year}/proofs")
  public ProgrammeProofs.Proofs proofs(@PathVariable int year) {
    currentUser.require(ProofsPage.ROLES.toArray(String[]::new));
    return proofs.of(year);
  }

  @GetMapping({"/api/programme/{year}/proofs.pdf", "/kap/exports/programme/{year}/proofs.pdf"})
  public ResponseEntity<byte[]> proofsPdf(@PathVariable int year, Locale locale) {
    currentUser.require(ProofsPage.ROLES.toArray(String[]::new));
    ProgrammeProofs.Proofs figures = proofs.of(year);
    LocalDate today = clock.instant().atZone(spreadsheets.zone()).toLocalDate();
    String printedOn = "fr".equals(locale.getLanguage()) ? formats.date(today, locale) : today.format(DAY);
    return Downloads.attachment(pdf.render("programme-proofs", Map.of("p", figures, "printedOn", printedOn,
            "printedBy", currentUser.id(), "fmt", fmt), locale), PdfDocuments.MEDIA_TYPE,
        Downloads.fileName("kap-proofs-of-success", String.valueOf(year)) + ".pdf");
  }
}
