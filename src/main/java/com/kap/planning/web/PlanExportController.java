package com.kap.planning.web;

import com.kap.planning.AccountPlans;
import com.kap.planning.PlanHistory;
import com.kap.planning.ProgrammeDashboard;
import com.kap.planning.ProgrammeDashboard.PlanRow;
import com.kap.platform.exports.Column;
import com.kap.platform.exports.Downloads;
import com.kap.platform.exports.PdfDocuments;
import com.kap.platform.exports.Spreadsheet;
import com.kap.platform.exports.Spreadsheets;
import com.kap.platform.identity.CurrentUser;
import com.kap.platform.identity.Roles;
import com.kap.platform.i18n.LocalFormats;
import com.kap.platform.i18n.Texts;
import com.kap.platform.pages.PageFormats;
import com.kap.platform.web.ApiException;
import com.kap.portfolio.AccountView;
import com.kap.portfolio.PortfolioQueries;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The planning exports (docs/exports.md): an account's plan as a PDF for a customer meeting, for whoever may read
 * the plan over the API; the year's plans as a spreadsheet, for whoever may read the programme dashboard.
 *
 * <p>The same files under {@code /kap/exports/...} take the webapps' login, so that KAP's pages link to them.
 *
 * <p>Both are in the requester's language as Spring MVC resolves it ({@code KapLocaleResolver}): under
 * {@code /kap/exports} the user's, under {@code /api} the request's {@code Accept-Language} (docs/i18n.md).
 */
@RestController
@RequestMapping({"/api", "/kap/exports"})
public class PlanExportController {

  private final AccountPlans plans;
  private final ProgrammeDashboard dashboard;
  private final PortfolioQueries accounts;
  private final CurrentUser currentUser;
  private final PdfDocuments pdf;
  private final Spreadsheets spreadsheets;
  private final Clock clock;
  private final Texts texts;
  private final LocalFormats formats;
  private final PageFormats fmt;

  public PlanExportController(AccountPlans plans, ProgrammeDashboard dashboard, PortfolioQueries accounts,
      CurrentUser currentUser, PdfDocuments pdf, Spreadsheets spreadsheets, Clock clock, Texts texts,
      LocalFormats formats, PageFormats fmt) {
    this.plans = plans;
    this.dashboard = dashboard;
    this.accounts = accounts;
    this.currentUser = currentUser;
    this.pdf = pdf;
    this.spreadsheets = spreadsheets;
    this.clock = clock;
    this.texts = texts;
    this.formats = formats;
    this.fmt = fmt;
  }

  /**
   * The latest submitted version of the account's plan of the year, laid out for a customer meeting; the same
   * rights as {@code GET /api/accounts/{accountId}/plans/{year}} (a KAM their own accounts, a sponsor the sponsored
   * ones, the programme director, directors and the admin all).
   */
  @GetMapping("/accounts/{accountId}/plans/{year}.pdf")
  public ResponseEntity<byte[]> planPdf(@PathVariable String accountId, @PathVariable int year, Locale locale) {
    PlanHistory history = plans.history(year, accountId);
    if (history.versions().isEmpty()) {
      throw ApiException.of(HttpStatus.NOT_FOUND, "error.plan.noSubmittedVersion", String.valueOf(year),
          accountId);
    }
    AccountView account = accounts.accountView(accountId);
    PlanDocument document = PlanDocument.of(history, account, spreadsheets.zone(), clock.instant(), texts, formats,
        locale);
    return Downloads.attachment(pdf.render("account-plan", Map.of("p", document), locale), PdfDocuments.MEDIA_TYPE,
        Downloads.fileName("account-plan", String.valueOf(year), accountId, account.name()) + ".pdf");
  }

  /** Every account of the year's cycle with its plan: the programme director, directors and the admin. */
  @GetMapping("/programme/{year}/plans.xlsx")
  public ResponseEntity<byte[]> plansXlsx(@PathVariable int year, Locale locale) {
    currentUser.require(Roles.PROGRAMME_DIRECTOR, Roles.DIRECTOR, Roles.ADMIN);
    List<PlanRow> rows = dashboard.planRows(year);
    Spreadsheet book = spreadsheets.create(locale);
    byte[] bytes = book.sheet(book.text("export.plans.sheet", year), rows,
        Column.text(book.text("export.plans.col.accountId"), PlanRow::accountId),
        Column.text(book.text("export.plans.col.account"), PlanRow::account),
        Column.text(book.text("export.plans.col.region"), PlanRow::region),
        Column.text(book.text("export.plans.col.kam"), PlanRow::kam),
        Column.text(book.text("export.plans.col.sponsor"), PlanRow::sponsor),
        Column.text(book.text("export.plans.col.segment"), PlanRow::segment),
        Column.text(book.text("export.plans.col.status"), row -> fmt.label("plan.status.", row.status())),
        Column.integer(book.text("export.plans.col.version"), PlanRow::version),
        Column.dateTime(book.text("export.plans.col.submitted"), PlanRow::submittedAt),
        Column.text(book.text("export.plans.col.submittedBy"), PlanRow::submittedBy),
        Column.yesNo(book.text("export.plans.col.qualityPassed"), PlanRow::qualityPassed),
        Column.text(book.text("export.plans.col.sponsorReviewBy"), PlanRow::sponsorReviewedBy),
        Column.dateTime(book.text("export.plans.col.approved"), PlanRow::approvedAt),
        Column.text(book.text("export.plans.col.approvedBy"), PlanRow::approvedBy),
        Column.yesNo(book.text("export.plans.col.approvedOnTime"), PlanRow::approvedOnTime),
        Column.yesNo(book.text("export.plans.col.overdue"), PlanRow::overdue),
        Column.yesNo(book.text("export.plans.col.valueObjective"), PlanRow::valueObjective),
        Column.integer(book.text("export.plans.col.objectives"), PlanRow::objectives),
        Column.integer(book.text("export.plans.col.actions"), PlanRow::actions),
        Column.integer(book.text("export.plans.col.trainingNeeds"), PlanRow::trainingNeeds)).toBytes();
    return Downloads.attachment(bytes, Spreadsheet.MEDIA_TYPE,
        Downloads.fileName("kap-plans", String.valueOf(year)) + ".xlsx");
  }
}
