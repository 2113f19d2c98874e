package com.kap.rituals.process;

import com.kap.planning.PlanFacts.PlanKey;
import com.kap.rituals.internal.OccurrenceRepository;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The validated calendar becomes the plan: every proposed date is planned and gets its own branch and timer. */
@Component("scheduleRituals")
public class ScheduleRitualsDelegate implements JavaDelegate {

  private final OccurrenceRepository occurrences;
  private final Clock clock;

  public ScheduleRitualsDelegate(OccurrenceRepository occurrences, Clock clock) {
    this.occurrences = occurrences;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PlanKey key = PlanKey.of(execution);
    occurrences.planProposed(key.year(), key.accountId(), clock.instant());
  }
}
