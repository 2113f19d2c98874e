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
import com.kap.platform.web.ApiException;
import com.kap.portfolio.AccountView;
import com.kap.portfolio.PortfolioQueries;
import java.time.Clock;
import java.util.List;
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

  public PlanExportController(AccountPlans plans, ProgrammeDashboard dashboard, PortfolioQueries accounts,
      CurrentUser currentUser, PdfDocuments pdf, Spreadsheets spreadsheets, Clock clock) {
    this.plans = plans;
    this.dashboard = dashboard;
    this.accounts = accounts;
    this.currentUser = currentUser;
    this.pdf = pdf;
    this.spreadsheets = spreadsheets;
    this.clock = clock;
  }

  /**
   * The latest submitted version of the account's plan of the year, laid out for a customer meeting; the same
   * rights as {@code GET /api/accounts/{accountId}/plans/{year}} (a KAM their own accounts, a sponsor the sponsored
   * ones, the programme director, directors and the admin all).
   */
  @GetMapping("/accounts/{accountId}/plans/{year}.pdf")
  public ResponseEntity<byte[]> planPdf(@PathVariable String accountId, @PathVariable int year) {
    PlanHistory history = plans.history(year, accountId);
    if (history.versions().isEmpty()) {
      throw ApiException.of(HttpStatus.NOT_FOUND, "error.plan.noSubmittedVersion", String.valueOf(year),
          accountId);
    }
    AccountView account = accounts.accountView(accountId);
    PlanDocument document = PlanDocument.of(history, account, spreadsheets.zone(), clock.instant());
    return Downloads.attachment(pdf.render("account-plan", Map.of("p", document)), PdfDocuments.MEDIA_TYPE,
        Downloads.fileName("account-plan", String.valueOf(year), accountId, account.name()) + ".pdf");
  }

  /** Every account of the year's cycle with its plan: the programme director, directors and the admin. */
  @GetMapping("/programme/{year}/plans.xlsx")
  public ResponseEntity<byte[]> plansXlsx(@PathVariable int year) {
    currentUser.require(Roles.PROGRAMME_DIRECTOR, Roles.DIRECTOR, Roles.ADMIN);
    List<PlanRow> rows = dashboard.planRows(year);
    byte[] book = spreadsheets.create().sheet("Plans " + year, rows,
        Column.text("Account ID", PlanRow::accountId),
        Column.text("Account", PlanRow::account),
        Column.text("Region", PlanRow::region),
        Column.text("KAM", PlanRow::kam),
        Column.text("Sponsor", PlanRow::sponsor),
        Column.text("Segment", PlanRow::segment),
        Column.text("Plan status", PlanRow::status),
        Column.integer("Version", PlanRow::version),
        Column.dateTime("Submitted", PlanRow::submittedAt),
        Column.text("Submitted by", PlanRow::submittedBy),
        Column.yesNo("Quality gate passed", PlanRow::qualityPassed),
        Column.text("Sponsor review by", PlanRow::sponsorReviewedBy),
        Column.dateTime("Approved", PlanRow::approvedAt),
        Column.text("Approved by", PlanRow::approvedBy),
        Column.yesNo("Approved on time", PlanRow::approvedOnTime),
        Column.yesNo("Overdue", PlanRow::overdue),
        Column.yesNo("Value objective", PlanRow::valueObjective),
        Column.integer("Objectives", PlanRow::objectives),
        Column.integer("Actions", PlanRow::actions),
        Column.integer("Training needs", PlanRow::trainingNeeds)).toBytes();
    return Downloads.attachment(book, Spreadsheet.MEDIA_TYPE,
        Downloads.fileName("kap-plans", String.valueOf(year)) + ".xlsx");
  }
}
