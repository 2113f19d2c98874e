package com.kap.rituals.process;

import com.kap.planning.PlanFacts.PlanKey;
import com.kap.rituals.Rituals;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The account left the portfolio, or the cycle year is over: rituals not held are cancelled, the plan ends. */
@Component("endRitualPlan")
public class EndRitualPlanDelegate implements JavaDelegate {

  private final Rituals rituals;

  public EndRitualPlanDelegate(Rituals rituals) {
    this.rituals = rituals;
  }

  @Override
  public void execute(DelegateExecution execution) {
    rituals.end(PlanKey.of(execution), execution.getCurrentActivityName());
  }
}
