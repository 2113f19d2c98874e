package com.kap.budget.internal;

import com.kap.budget.internal.BidResultRepository.BidResult;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What a bid's results report depends on, read from KAP's tables by the business key (B-12): who reports, when the
 * report is due, when the KAM is reminded and when it is late. Task submissions can overwrite process variables,
 * not these.
 */
@Component("bidResultFacts")
public class BidResultFacts {

  private final BidFacts bids;
  private final BidResultRepository results;

  public BidResultFacts(BidFacts bids, BidResultRepository results) {
    this.bids = bids;
    this.results = results;
  }

  public BidResult result(String bidId) {
    Bid bid = bids.bid(bidId);
    return results.find(bid.bidNo())
        .orElseThrow(() -> new IllegalStateException("the results report of " + bidId + " is not scheduled"));
  }

  /** Assignee of "Report bid results": the bid's KAM. */
  public String kam(DelegateExecution execution) {
    return result(execution.getProcessBusinessKey()).kam();
  }

  /** When "Report bid results" appears: the delay of bidResultDelay after funding. */
  public Date reportDue(DelegateExecution execution) {
    return Date.from(result(execution.getProcessBusinessKey()).reportDue());
  }

  /** When the KAM is reminded, if the report is still open. */
  public Date reminder(DelegateExecution execution) {
    return Date.from(result(execution.getProcessBusinessKey()).reminderAt());
  }

  /** Due date of "Report bid results"; after it the programme director is told. */
  public Date reportDeadline(DelegateExecution execution) {
    return Date.from(result(execution.getProcessBusinessKey()).reportDeadline());
  }
}
