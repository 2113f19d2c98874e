package com.kap.rituals.process;

import com.kap.planning.PlanFacts.PlanKey;
import com.kap.portfolio.CycleSegment;
import com.kap.portfolio.Portfolio;
import com.kap.rituals.internal.OccurrenceRepository;
import com.kap.rituals.internal.RitualPlanRepository;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The account was re-segmented mid-year: open rituals are cancelled, and the calendar is proposed anew. */
@Component("changeRitualSegment")
public class ChangeRitualSegmentDelegate implements JavaDelegate {

  private final RitualPlanRepository plans;
  private final OccurrenceRepository occurrences;
  private final Portfolio segments;
  private final Clock clock;

  public ChangeRitualSegmentDelegate(RitualPlanRepository plans, OccurrenceRepository occurrences,
      Portfolio segments, Clock clock) {
    this.plans = plans;
    this.occurrences = occurrences;
    this.segments = segments;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PlanKey key = PlanKey.of(execution);
    String segment = segments.segment(key.year(), key.accountId()).map(CycleSegment::segment)
        .orElseThrow(() -> new IllegalStateException("no segment of " + key)).label();
    occurrences.cancelOpen(key.year(), key.accountId(), clock.instant());
    plans.updateSegment(key.year(), key.accountId(), segment, clock.instant());
    execution.setVariable("segment", segment);
  }
}
