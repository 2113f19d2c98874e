package com.kap.rituals.process;

import com.kap.platform.operations.BusinessMetrics;
import com.kap.rituals.internal.OccurrenceRepository;
import com.kap.rituals.internal.RitualFacts;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The grace period passed without a record: the occurrence counts as missed; the programme director follows up. */
@Component("recordMissedRitual")
public class RecordMissedRitualDelegate implements JavaDelegate {

  private final RitualFacts facts;
  private final OccurrenceRepository occurrences;
  private final Clock clock;
  private final BusinessMetrics metrics;

  public RecordMissedRitualDelegate(RitualFacts facts, OccurrenceRepository occurrences, Clock clock,
      BusinessMetrics metrics) {
    this.facts = facts;
    this.occurrences = occurrences;
    this.clock = clock;
    this.metrics = metrics;
  }

  @Override
  public void execute(DelegateExecution execution) {
    occurrences.markMissed(facts.occurrenceOf(execution).occurrenceNo(), clock.instant());
    metrics.ritualMissed();
  }
}
