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
import com.kap.platform.i18n.Texts;
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
 * Sheet names, headers, statuses, notes and a bid's reason (as KAP's pages say it: {@link BidReasons}) are in the
 * requester's language (docs/i18n.md, "Exports"); what people typed (titles, reasons, the audit trail's before and
 * after) stays as typed.
 */
@RestController
@RequestMapping({"/api/budget", "/kap/exports/budget"})
public class AllocationExportController {

  private final BudgetRecords records;
  private final Portfolio portfolio;
  private final Spreadsheets spreadsheets;
  private final Texts texts;

  public AllocationExportController(BudgetRecords records, Portfolio portfolio, Spreadsheets spreadsheets,
      Texts texts) {
    this.records = records;
    this.portfolio = portfolio;
    this.spreadsheets = spreadsheets;
    this.texts = texts;
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
  public ResponseEntity<byte[]> allocationXlsx(@PathVariable String roundId, Locale locale) {
    Spreadsheet book = spreadsheets.create(locale);
    BidReasons reasons = new BidReasons(texts, locale);
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
    String note = detail.bids() == null ? book.text("export.allocation.note.callOpen")
        : round.status() == RoundStatus.SCORING ? book.text("export.allocation.note.scoring")
        : round.status() == RoundStatus.DECIDING ? book.text("export.allocation.note.deciding") : null;
    RoundRow roundRow = new RoundRow(round, bids.size(), funded.size(),
        funded.stream().mapToLong(bid -> bid.content().cost()).sum(), note);

    byte[] bytes = book
        .sheet(book.text("export.allocation.sheet"), rows,
            Column.text(header(book, "bid"), row -> row.bid().id()),
            Column.text(header(book, "title"), row -> row.bid().content().title()),
            Column.text(header(book, "accountId"), row -> row.bid().accountId()),
            Column.text(header(book, "account"), AllocationRow::account),
            Column.text(header(book, "kam"), row -> row.bid().kam()),
            Column.text(header(book, "category"), row -> row.bid().content().category()),
            Column.amount(header(book, "cost"), row -> row.bid().content().cost()),
            Column.amount(header(book, "coinvestment"), row -> row.bid().content().coInvestment()),
            Column.amount(header(book, "expectedMargin"), row -> row.bid().content().expectedMargin()),
            Column.decimal(header(book, "successProbability"), row -> row.bid().content().successProbability()),
            Column.decimal(header(book, "benefitScore"), row -> row.bid().benefit()),
            Column.text(header(book, "status"), row -> status(book, row.bid())),
            Column.yesNo(header(book, "recommended"), AllocationRow::recommended),
            Column.yesNo(header(book, "funded"), AllocationRow::funded),
            Column.yesNo(header(book, "fromTheReserve"), row -> row.bid().fundedFromReserve()),
            Column.text(header(book, "reason"), row -> reasons.of(row.bid())),
            Column.text(header(book, "appeal"), row -> appeal(book, row.bid())))
        .sheet(book.text("export.allocation.auditSheet"), audit,
            Column.dateTime(header(book, "when"), AuditEntry::at),
            Column.text(header(book, "who"), AuditEntry::actor),
            Column.text(header(book, "action"), entry -> action(book, entry.action())),
            Column.text(header(book, "bid"), AuditEntry::bidId),
            Column.text(header(book, "before"), AuditEntry::before),
            Column.text(header(book, "after"), AuditEntry::after),
            Column.text(header(book, "reason"), AuditEntry::reason))
        .sheet(book.text("export.allocation.roundSheet"), List.of(roundRow),
            Column.text(header(book, "round"), row -> row.round().id()),
            Column.text(header(book, "name"), row -> row.round().name()),
            Column.text(header(book, "scope"), row -> row.round().scope()),
            Column.integer(header(book, "planYear"), row -> row.round().planYear()),
            Column.amount(header(book, "envelope"), row -> row.round().envelope()),
            Column.amount(header(book, "reserve"), row -> row.round().reserve()),
            Column.amount(header(book, "reserveLeft"), row -> row.round().reserveLeft()),
            Column.dateTime(header(book, "callCloses"), row -> row.round().callDeadline()),
            Column.text(header(book, "chair"), row -> row.round().chair()),
            Column.text(header(book, "committee"), row -> String.join(", ", row.round().committee())),
            Column.text(header(book, "status"), row -> roundStatus(book, row.round().status())),
            Column.integer(header(book, "bids"), RoundRow::bids),
            Column.integer(header(book, "fundedBids"), RoundRow::fundedBids),
            Column.amount(header(book, "fundedCost"), RoundRow::fundedCost),
            Column.text(header(book, "note"), RoundRow::note))
        .toBytes();
    return Downloads.attachment(bytes, Spreadsheet.MEDIA_TYPE,
        Downloads.fileName("kap-allocation", round.id(), round.name()) + ".xlsx");
  }

  private static String status(Spreadsheet book, BidView bid) {
    return book.text(switch (bid.status()) {
      case SUBMITTED -> "export.allocation.bid.submitted";
      case WITHDRAWN -> "export.allocation.bid.withdrawn";
      case INELIGIBLE -> "export.allocation.bid.ineligible";
      case ELIGIBLE -> "export.allocation.bid.beingScored";
      case SCORED -> "export.allocation.bid.scored";
      case FUNDED -> bid.fundedFromReserve() ? "export.allocation.bid.fundedFromReserve"
          : "export.allocation.bid.funded";
      case UNFUNDED -> "export.allocation.bid.unfunded";
    });
  }

  /** Pending, Upheld, Rejected. */
  private static String appeal(Spreadsheet book, BidView bid) {
    if (bid.appeal() == null) {
      return null;
    }
    String outcome = bid.appeal().outcome();
    return book.text(outcome == null ? "export.allocation.appeal.PENDING" : "export.allocation.appeal." + outcome);
  }

  static String roundStatus(Spreadsheet book, RoundStatus status) {
    return book.text("export.allocation.round." + status.name());
  }

  /** ROUND_OPENED as "Round opened" ({@code export.allocation.action.ROUND_OPENED}). */
  static String action(Spreadsheet book, AuditAction action) {
    return book.text("export.allocation.action." + action.name());
  }

  /** A column's header in the workbook's language ({@code export.allocation.col.*}). */
  private static String header(Spreadsheet book, String column) {
    return book.text("export.allocation.col." + column);
  }
}
