package com.kap.portfolio;

import java.math.BigDecimal;
import java.time.Instant;

/** An account's segmentation in one cycle year: computed, and possibly overridden by the programme director. */
public record CycleSegment(
    int year,
    String accountId,
    BigDecimal attractiveness,
    BigDecimal strength,
    Segment computedSegment,
    Override override) {

  /** The segment that counts: the override where there is one. */
  public Segment segment() {
    return override == null ? computedSegment : override.segment();
  }

  public record Override(Segment segment, String reason, String by, Instant at) {}
}
