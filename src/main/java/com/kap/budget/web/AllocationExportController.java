package com.kap.budget.web;

import com.kap.budget.AuditAction;
import com.kap.budget.AuditEntry;
import com.kap.budget.BidStatus;
import com.kap.budget.BudgetRecords;
import com.kap.budget.BudgetRecords.BidView;
import com.kap.budget.BudgetRecords.RoundDetail;
import com.kap.budget.BudgetRecords.RoundView;
import com.kap.budget.RoundStatus;
import com.kap.platform.exports.Column;
import com.kap.platform.exports.Downloads;
import com.kap.platform.exports.Spreadsheet;
import com.kap.platform.exports.Spreadsheets;
import com.kap.portfolio.Account;
import com.kap.portfolio.Portfolio;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A round's allocation and audit trail as a spreadsheet (docs/exports.md), for whoever may read the round and its
 * audit trail over the API (directors, the programme director, the admin), and only what the API shows them: no bid
 * before the call has closed, no other member's score of a bid still being scored.
 *
 * <p>The same files under {@code /kap/exports/...} take the webapps' login, so that KAP's pages link to them.
 */
@RestController
@RequestMapping({"/api/budget", "/kap/exports/budget"})
public class AllocationExportController {

  private final BudgetRecords records;
  private final Portfolio portfolio;
  private final Spreadsheets spreadsheets;

  public AllocationExportController(BudgetRecords records, Portfolio portfolio, Spreadsheets spreadsheets) {
    this.records = records;
    this.portfolio = portfolio;
    this.spreadsheets = spreadsheets;
  }

  /** One bid of the round, as the sheet "Allocation" lists it. */
  record AllocationRow(BidView bid, String account, Boolean recommended) {

    Boolean funded() {
      return switch (bid.status()) {
        case FUNDED -> true;
        case UNFUNDED, INELIGIBLE, WITHDRAWN -> false;
        case SUBMITTED, ELIGIBLE, SCORED -> null; // not decided yet
      };
    }
  }

  /** The round itself, as the sheet "Round" shows it in one row. */
  record RoundRow(RoundView round, int bids, long fundedBids, long fundedCost, String note) {}

  @GetMapping("/rounds/{roundId}/allocation.xlsx")
  public ResponseEntity<byte[]> allocationXlsx(@PathVariable String roundId) {
    RoundDetail detail = records.round(roundId);
    List<AuditEntry> audit = records.audit(roundId);
    RoundView round = detail.round();
    List<BidView> bids = detail.bids() == null ? List.of() : detail.bids();
    Set<String> recommended = detail.recommendation() == null ? null
        : Set.copyOf(detail.recommendation().result().funded());
    Map<String, String> names = new HashMap<>();
    List<AllocationRow> rows = bids.stream().map(bid -> new AllocationRow(bid,
        names.computeIfAbsent(bid.accountId(), id -> portfolio.account(id).map(Account::name).orElse(id)),
        recommended == null ? null : recommended.contains(bid.id()))).toList();
    List<BidView> funded = bids.stream().filter(bid -> bid.status() == BidStatus.FUNDED).toList();
    String note = detail.bids() == null ? "The call for bids is open: bids show once it has closed"
        : round.status() == RoundStatus.SCORING ? "The committee is scoring: benefits show once every member has scored"
        : round.status() == RoundStatus.DECIDING ? "Waiting for the chair's decision" : null;
    RoundRow roundRow = new RoundRow(round, bids.size(), funded.size(),
        funded.stream().mapToLong(bid -> bid.content().cost()).sum(), note);

    byte[] book = spreadsheets.create()
        .sheet("Allocation", rows,
            Column.text("Bid", row -> row.bid().id()),
            Column.text("Title", row -> row.bid().content().title()),
            Column.text("Account ID", row -> row.bid().accountId()),
            Column.text("Account", AllocationRow::account),
            Column.text("KAM", row -> row.bid().kam()),
            Column.text("Category", row -> row.bid().content().category()),
            Column.amount("Cost", row -> row.bid().content().cost()),
            Column.amount("Co-investment", row -> row.bid().content().coInvestment()),
            Column.amount("Expected margin", row -> row.bid().content().expectedMargin()),
            Column.decimal("Success probability (%)", row -> row.bid().content().successProbability()),
            Column.decimal("Benefit score", row -> row.bid().benefit()),
            Column.text("Status", row -> status(row.bid())),
            Column.yesNo("Recommended", AllocationRow::recommended),
            Column.yesNo("Funded", AllocationRow::funded),
            Column.yesNo("From the reserve", row -> row.bid().fundedFromReserve()),
            Column.text("Reason", row -> row.bid().statusReason()),
            Column.text("Appeal", row -> appeal(row.bid())))
        .sheet("Audit trail", audit,
            Column.dateTime("When", AuditEntry::at),
            Column.text("Who", AuditEntry::actor),
            Column.text("Action", entry -> action(entry.action())),
            Column.text("Bid", AuditEntry::bidId),
            Column.text("Before", AuditEntry::before),
            Column.text("After", AuditEntry::after),
            Column.text("Reason", AuditEntry::reason))
        .sheet("Round", List.of(roundRow),
            Column.text("Round", row -> row.round().id()),
            Column.text("Name", row -> row.round().name()),
            Column.text("Scope", row -> row.round().scope()),
            Column.integer("Plan year", row -> row.round().planYear()),
            Column.amount("Envelope", row -> row.round().envelope()),
            Column.amount("Reserve", row -> row.round().reserve()),
            Column.amount("Reserve left", row -> row.round().reserveLeft()),
            Column.dateTime("Call closes", row -> row.round().callDeadline()),
            Column.text("Chair", row -> row.round().chair()),
            Column.text("Committee", row -> String.join(", ", row.round().committee())),
            Column.text("Status", row -> roundStatus(row.round().status())),
            Column.integer("Bids", RoundRow::bids),
            Column.integer("Funded bids", RoundRow::fundedBids),
            Column.amount("Funded cost", RoundRow::fundedCost),
            Column.text("Note", RoundRow::note))
        .toBytes();
    return Downloads.attachment(book, Spreadsheet.MEDIA_TYPE,
        Downloads.fileName("kap-allocation", round.id(), round.name()) + ".xlsx");
  }

  private static String status(BidView bid) {
    return switch (bid.status()) {
      case SUBMITTED -> "Submitted";
      case WITHDRAWN -> "Withdrawn";
      case INELIGIBLE -> "Not eligible";
      case ELIGIBLE -> "Being scored";
      case SCORED -> "Scored";
      case FUNDED -> bid.fundedFromReserve() ? "Funded from the reserve" : "Funded";
      case UNFUNDED -> "Not funded";
    };
  }

  private static String appeal(BidView bid) {
    if (bid.appeal() == null) {
      return null;
    }
    String outcome = bid.appeal().outcome();
    return outcome == null ? "Pending" : outcome.charAt(0) + outcome.substring(1).toLowerCase(Locale.ROOT);
  }

  private static String roundStatus(RoundStatus status) {
    return switch (status) {
      case OPEN -> "Open for bids";
      case SCORING -> "Scoring";
      case DECIDING -> "Waiting for the chair";
      case PUBLISHED -> "Published";
      case CLOSED -> "Closed without eligible bids";
    };
  }

  /** ROUND_OPENED as "Round opened". */
  static String action(AuditAction action) {
    String words = action.name().replace('_', ' ').toLowerCase(Locale.ROOT);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
