package com.kap.budget.internal;

import com.kap.budget.RoundStatus;
import java.time.Instant;

/** A call for investment bids: its envelope, reserve, deadline and committee; the scope is a region or GLOBAL. */
public record BudgetRound(long roundNo, String name, String scope, int planYear, long envelope,
    java.math.BigDecimal reservePercent, java.util.Map<String, Long> regionMinimums, Instant callDeadline, String chair, RoundStatus status, int bidsToScore,
    int bidsScored, long reserveDrawn, String processInstanceId) {

  public static final String GLOBAL = "GLOBAL";

  public String id() {
    return BudgetIds.round(roundNo);
  }

  /** The amount held back from the optimiser, in whole currency units (rounded down). */
  public long reserve() {
    return reservePercent.multiply(java.math.BigDecimal.valueOf(envelope))
        .divide(java.math.BigDecimal.valueOf(100), 0, java.math.RoundingMode.FLOOR).longValueExact();
  }

  public long reserveLeft() {
    return reserve() - reserveDrawn;
  }

  /** The last day bids are accepted, as people read it: "1 Dec 2026 (end of day, UTC)". */
  public String callDeadlineText(java.time.ZoneId zone) {
    return BudgetDates.endOfDay(callDeadline, zone);
  }

  /** The same in the reader's language: "01/12/2026 (fin de journée, UTC)". */
  public String callDeadlineText(java.time.ZoneId zone, java.util.Locale reader) {
    return BudgetDates.endOfDay(callDeadline, zone, reader);
  }
}
