package com.kap.portfolio.web;

import com.kap.platform.i18n.Bundles;
import com.kap.platform.i18n.Texts;
import com.kap.platform.i18n.UserLocales;
import com.kap.platform.identity.CurrentUser;
import com.kap.platform.identity.Roles;
import com.kap.platform.pages.KapPage;
import com.kap.platform.pages.PageLink;
import com.kap.platform.web.ApiException;
import com.kap.platform.web.RequestText;
import com.kap.portfolio.PortfolioChangedSincePreview;
import com.kap.portfolio.PortfolioImportPreview;
import com.kap.portfolio.PortfolioImportRejected;
import com.kap.portfolio.PortfolioImportService;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.WebUtils;

/**
 * The portfolio import as a page ({@code /kap/import}), for the programme director: she uploads the portfolio CSV
 * as a spreadsheet saves it, reads the preview (new accounts, changed fields, segment moves) or the file's errors
 * by line and column, and confirms. Nothing is written before she confirms.
 *
 * <p>The previewed file stays on the server, in the session, under a random id with its SHA-256 hash: the
 * confirmation imports exactly that file, once, and only while the file's accounts in KAP are as the preview found
 * them ({@link PortfolioImportService#importPreviewed}). Nothing the browser sends back is taken as the file.
 *
 * <p>The page and the file's errors are in the user's language ({@link UserLocales#current()}; the template's
 * {@code #{...}} through {@code KapLocaleResolver}), from the bundle {@code i18n/portfolio*.properties}. The file may
 * be UTF-8 or Windows-1252, detected ({@link RequestText#readSpreadsheet}).
 */
@Controller
@KapPage
public class ImportPage {

  static final Set<String> ROLES = Set.of(Roles.PROGRAMME_DIRECTOR);
  /** How long a preview may be confirmed. */
  static final Duration KEPT = Duration.ofMinutes(30);
  /** The most rows each table of the page shows; a sentence counts the rest. */
  static final int SHOWN = 1000;
  static final String PENDING = ImportPage.class.getName() + ".pending";
  static final String DONE = ImportPage.class.getName() + ".done";
  /** The link's English label; the page says its title in the user's language. */
  private static final String TITLE = "Import portfolio";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final PortfolioImportService imports;
  private final CurrentUser currentUser;
  private final Texts texts;
  private final UserLocales locales;
  private final MessageSource messages;

  public ImportPage(PortfolioImportService imports, CurrentUser currentUser, Texts texts, UserLocales locales,
      MessageSource messages) {
    this.imports = imports;
    this.currentUser = currentUser;
    this.texts = texts;
    this.locales = locales;
    this.messages = messages;
  }

  @Bean
  static PageLink importLink() {
    return new PageLink(TITLE, "/kap/import", ROLES, "link.import", false);
  }

  /** A previewed file, kept in the session until it is confirmed, replaced by another preview, or too old. */
  record Pending(String id, String fileName, String csv, String sha256, String fingerprint, Instant previewedAt)
      implements Serializable {}

  /** What the last confirmation imported, for the page that shows it. */
  record Done(String fileName, PortfolioImportService.PreviewedImport imported) {}

  @GetMapping("/kap/import")
  public String show(Model model, HttpServletResponse response) {
    model.addAttribute("title", texts.text("importPage.title"));
    if (!allowed()) {
      return refused(model, response);
    }
    return "kap/import";
  }

  @PostMapping("/kap/import")
  public String preview(HttpServletRequest request, Model model, HttpServletResponse response) throws IOException {
    model.addAttribute("title", texts.text("importPage.title"));
    if (!allowed()) {
      return refused(model, response);
    }
    HttpSession session = request.getSession();
    session.removeAttribute(PENDING); // a new upload replaces the preview before it
    Part file = file(request);
    if (file == null || file.getSize() == 0) {
      return problem(model, response, HttpServletResponse.SC_BAD_REQUEST, texts.text("importPage.noFile"));
    }
    String fileName = fileName(file);
    model.addAttribute("fileName", fileName);
    String csv;
    PortfolioImportPreview preview;
    Locale locale = locales.current();
    try (InputStream in = file.getInputStream()) {
      csv = RequestText.readSpreadsheet(in, null, Bundles.text("error.what.theFile"),
          Bundles.text("import.saveAsCsv"));
      preview = imports.preview(csv, locale);
    } catch (ApiException refused) {
      return problem(model, response, refused.status().value(),
          refused.updateAndGetBody(messages, locale).getDetail());
    }
    model.addAttribute("preview", preview);
    model.addAttribute("shown", SHOWN);
    if (!preview.importable()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return "kap/import";
    }
    Pending pending = new Pending(randomId(), fileName, csv, sha256(csv), preview.fingerprint(), Instant.now());
    session.setAttribute(PENDING, pending);
    model.addAttribute("pending", pending);
    return "kap/import";
  }

  @PostMapping("/kap/import/confirm")
  public String confirm(@RequestParam(name = "preview", required = false) String id,
      @RequestParam(name = "sha256", required = false) String sha256, HttpServletRequest request, Model model,
      HttpServletResponse response) {
    model.addAttribute("title", texts.text("importPage.title"));
    if (!allowed()) {
      return refused(model, response);
    }
    HttpSession session = request.getSession();
    Pending pending;
    synchronized (WebUtils.getSessionMutex(session)) {
      pending = session.getAttribute(PENDING) instanceof Pending kept && kept.id().equals(id) ? kept : null;
      if (pending != null) {
        session.removeAttribute(PENDING); // confirmed once: a second click finds nothing to import
      }
    }
    if (pending == null) {
      return problem(model, response, HttpServletResponse.SC_CONFLICT, texts.text("importPage.noPreview"));
    }
    model.addAttribute("fileName", pending.fileName());
    if (!sha256(pending.csv()).equals(pending.sha256()) || !pending.sha256().equals(sha256)) {
      return problem(model, response, HttpServletResponse.SC_CONFLICT, texts.text("importPage.notThisFile"));
    }
    if (Instant.now().isAfter(pending.previewedAt().plus(KEPT))) {
      return problem(model, response, HttpServletResponse.SC_CONFLICT,
          texts.text("importPage.tooOld", String.valueOf(KEPT.toMinutes())));
    }
    PortfolioImportService.PreviewedImport imported;
    try {
      imported = imports.importPreviewed(pending.csv(), pending.fingerprint(), locales.current());
    } catch (PortfolioChangedSincePreview changed) {
      return problem(model, response, HttpServletResponse.SC_CONFLICT, texts.text("importPage.changedSince"));
    } catch (PortfolioImportRejected rejected) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("message", texts.text("importPage.noLongerImports"));
      model.addAttribute("preview", new PortfolioImportPreview(rejected.errors(), List.of(), List.of(), 0,
          imports.segmentationYear(), List.of(), null));
      model.addAttribute("shown", SHOWN);
      return "kap/import";
    }
    session.setAttribute(DONE, new Done(pending.fileName(), imported));
    return "redirect:/kap/import/done";
  }

  @GetMapping("/kap/import/done")
  public String done(HttpServletRequest request, Model model, HttpServletResponse response) {
    model.addAttribute("title", texts.text("importPage.title"));
    if (!allowed()) {
      return refused(model, response);
    }
    HttpSession session = request.getSession(false);
    if (session == null || !(session.getAttribute(DONE) instanceof Done done)) {
      return "redirect:/kap/import";
    }
    model.addAttribute("fileName", done.fileName());
    model.addAttribute("done", done.imported().result());
    model.addAttribute("preview", done.imported().preview());
    model.addAttribute("shown", SHOWN);
    return "kap/import";
  }

  private boolean allowed() {
    return currentUser.isIn(ROLES.toArray(String[]::new));
  }

  private String refused(Model model, HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    model.addAttribute("message", texts.text("importPage.refused"));
    return "kap/refused";
  }

  private static String problem(Model model, HttpServletResponse response, int status, String message) {
    response.setStatus(status);
    model.addAttribute("message", message);
    return "kap/import";
  }

  /** The form's file, or null when the post was no form with a file. */
  private static Part file(HttpServletRequest request) throws IOException {
    try {
      return request.getPart("file");
    } catch (ServletException | IllegalStateException notAFormWithAFile) {
      return null;
    }
  }

  /** The file's name without the folders some browsers send with it. */
  private String fileName(Part file) {
    String name = file.getSubmittedFileName();
    if (name == null || name.isBlank()) {
      return texts.text("importPage.theFile");
    }
    return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  }

  private static String randomId() {
    byte[] random = new byte[16];
    RANDOM.nextBytes(random);
    return HexFormat.of().formatHex(random);
  }

  static String sha256(String csv) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(csv.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
