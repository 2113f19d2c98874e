package com.kap.rituals.process;

import com.kap.planning.PlanFacts.PlanKey;
import com.kap.rituals.internal.OccurrenceRepository;
import com.kap.rituals.internal.RitualPlanRepository;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The account left the portfolio, or the cycle year is over: rituals not held are cancelled, the plan ends. */
@Component("endRitualPlan")
public class EndRitualPlanDelegate implements JavaDelegate {

  private final RitualPlanRepository plans;
  private final OccurrenceRepository occurrences;
  private final Clock clock;

  public EndRitualPlanDelegate(RitualPlanRepository plans, OccurrenceRepository occurrences, Clock clock) {
    this.plans = plans;
    this.occurrences = occurrences;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PlanKey key = PlanKey.of(execution);
    occurrences.cancelOpen(key.year(), key.accountId(), clock.instant());
    plans.end(key.year(), key.accountId(), execution.getCurrentActivityName(), clock.instant());
  }
}
