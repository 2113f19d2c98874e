package com.kap.budget;

import java.math.BigDecimal;

/** What the KAM writes in a bid; it may change until the call closes. */
public record BidContent(String title, String category, long cost, long expectedMargin,
    BigDecimal successProbability, long coInvestment, String objectives, String exclusiveGroup, Long requiresBid,
    boolean mustFund, String mustFundReason) {

  /** The financials the eligibility table asks for: cost, margin and probability of success. */
  public boolean financialsComplete() {
    return cost > 0 && expectedMargin > 0 && successProbability.signum() > 0;
  }

  /** Expected margin weighted by the probability of success: what the directors weigh as risk-adjusted value. */
  public long riskAdjustedMargin() {
    return successProbability.multiply(BigDecimal.valueOf(expectedMargin))
        .divide(BigDecimal.valueOf(100), 0, java.math.RoundingMode.HALF_UP).longValue();
  }
}
