package com.kap.portfolio;

import com.kap.platform.forms.FormProblems;
import com.kap.platform.forms.InvalidFormData;
import com.kap.portfolio.internal.AccountRepository;
import com.kap.portfolio.internal.CycleSegmentRepository;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Segments the whole portfolio for a cycle year and records the programme director's overrides. */
@Service
public class PortfolioSegmentation {

  private final AccountRepository accounts;
  private final CycleSegmentRepository cycleSegments;
  private final SegmentScorer scorer;
  private final Clock clock;

  public PortfolioSegmentation(AccountRepository accounts, CycleSegmentRepository cycleSegments,
      SegmentScorer scorer, Clock clock) {
    this.accounts = accounts;
    this.cycleSegments = cycleSegments;
    this.scorer = scorer;
    this.clock = clock;
  }

  /** Scores every account and stores the year's segments; returns them, overrides applied. */
  @Transactional
  public List<CycleSegment> segment(int year) {
    List<CycleSegment> computed = accounts.findAll().stream().map(account -> {
      SegmentScorer.Scoring scoring = scorer.score(account.scores());
      return new CycleSegment(year, account.accountId(), scoring.attractiveness(), scoring.strength(),
          scoring.segment(), null);
    }).toList();
    cycleSegments.saveComputed(year, computed);
    return cycleSegments.findByYear(year);
  }

  public record OverrideRequest(String accountId, Segment segment, String reason) {}

  /** Stores overrides with who and when; an account must be part of the year's segmentation. */
  @Transactional
  public void override(int year, List<OverrideRequest> overrides, String by) {
    Map<String, Segment> computed = cycleSegments.findByYear(year).stream()
        .collect(Collectors.toMap(CycleSegment::accountId, CycleSegment::computedSegment));
    FormProblems problems = new FormProblems();
    for (int i = 0; i < overrides.size(); i++) {
      OverrideRequest o = overrides.get(i);
      if (!computed.containsKey(o.accountId())) {
        problems.add(new InvalidFormData("overrides[" + i + "].accountId",
            "account '" + o.accountId() + "' is not in the " + year + " segmentation"));
      } else if (computed.get(o.accountId()) == o.segment()) {
        problems.add(new InvalidFormData("overrides[" + i + "].segment",
            "account '" + o.accountId() + "' is already " + o.segment().label() + " by its scores"));
      }
    }
    problems.throwIfAny();
    for (OverrideRequest o : overrides) {
      cycleSegments.saveOverride(year, o.accountId(),
          new CycleSegment.Override(o.segment(), o.reason(), by, clock.instant()));
    }
  }

  public static Map<Segment, Long> countBySegment(List<CycleSegment> segments) {
    Map<Segment, Long> counts = new EnumMap<>(Segment.class);
    for (Segment segment : Segment.values()) {
      counts.put(segment, 0L);
    }
    segments.forEach(s -> counts.merge(s.segment(), 1L, Long::sum));
    return counts;
  }
}
