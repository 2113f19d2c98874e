package com.kap.budget.internal;

import com.kap.budget.BidContent;
import com.kap.budget.BidStatus;
import java.math.BigDecimal;
import java.time.Instant;

/** An investment bid of a KAM for one of their accounts, in the open round of the account's region. */
public record Bid(long bidNo, long roundNo, String accountId, String kam, BidContent content, int revision,
    BidStatus status, String statusReason, BigDecimal benefit, boolean fundedFromReserve, String processInstanceId,
    Instant submittedAt) {

  public String id() {
    return BudgetIds.bid(bidNo);
  }

  public String roundId() {
    return BudgetIds.round(roundNo);
  }
}
