package com.kap.portfolio;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An account as /api/accounts shows it: data, current scores and segment, and each cycle's stored segment. */
public record AccountView(
    String accountId,
    String name,
    String region,
    String kam,
    String sponsor,
    Map<String, Integer> scores,
    BigDecimal revenue,
    BigDecimal grossMargin,
    BigDecimal attractiveness,
    BigDecimal strength,
    Segment segment,
    Map<Integer, YearSegment> segmentsByYear) {

  public record YearSegment(BigDecimal attractiveness, BigDecimal strength, Segment segment, Segment computedSegment,
      Override override) {}

  public record Override(Segment segment, String reason, String by, Instant at) {}

  public static AccountView of(Account account, SegmentScorer.Scoring scoring, List<CycleSegment> cycles) {
    Map<String, Integer> scores = new LinkedHashMap<>();
    account.scores().forEach((criterion, score) -> scores.put(criterion.key(), score));
    Map<Integer, YearSegment> byYear = new LinkedHashMap<>();
    for (CycleSegment cycle : cycles) {
      CycleSegment.Override o = cycle.override();
      byYear.put(cycle.year(), new YearSegment(cycle.attractiveness(), cycle.strength(), cycle.segment(),
          cycle.computedSegment(), o == null ? null : new Override(o.segment(), o.reason(), o.by(), o.at())));
    }
    return new AccountView(account.accountId(), account.name(), account.region(), account.kam(), account.sponsor(),
        scores, account.revenue(), account.grossMargin(), scoring.attractiveness(), scoring.strength(),
        scoring.segment(), byYear);
  }
}
