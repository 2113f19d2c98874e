package com.kap.budget.web;

import com.kap.budget.AuditEntry;
import com.kap.budget.BudgetRecords.BidView;
import com.kap.budget.BudgetRecords.RoundDetail;
import com.kap.budget.BudgetRecords.RoundView;
import com.kap.budget.BudgetRecords;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rounds, bids, scorecards and the audit trail ({@link BudgetRecords}). KAMs see their own bids, and their
 * scorecards once the allocation is published; directors and the programme director see bids once the call has
 * closed, and other members' scores of a bid only once every member has scored it.
 */
@RestController
@RequestMapping("/api/budget")
public class BudgetController {

  private final BudgetRecords records;
  private final MessageSource messages;

  public BudgetController(BudgetRecords records, MessageSource messages) {
    this.records = records;
    this.messages = messages;
  }

  @GetMapping("/rounds")
  public List<RoundView> rounds() {
    return records.rounds();
  }

  /** The recommendation's warning and why it leaves bids out in the request's language ({@code Accept-Language}). */
  @GetMapping("/rounds/{roundId}")
  public RoundDetail round(@PathVariable String roundId, Locale locale) {
    return records.round(roundId, messages, locale);
  }

  /**
   * Every score, recusal, calibration, override, decision and appeal: directors and the programme director; scores of
   * a bid still being scored only to the member who gave them.
   */
  @GetMapping("/rounds/{roundId}/audit")
  public List<AuditEntry> audit(@PathVariable String roundId) {
    return records.audit(roundId);
  }

  /** A KAM's own bids. */
  @GetMapping("/bids")
  public List<BidView> myBids() {
    return records.myBids();
  }

  @GetMapping("/bids/{bidId}")
  public BidView bid(@PathVariable String bidId) {
    return records.bid(bidId);
  }
}
