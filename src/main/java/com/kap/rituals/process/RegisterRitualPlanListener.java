package com.kap.rituals.process;

import com.kap.planning.PlanFacts.PlanKey;
import com.kap.rituals.RegisterRitualPlan;
import com.kap.rituals.RegisteredRitualPlan;
import com.kap.rituals.Rituals;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Start of a ritual plan: registers it with the account's segment of the year. */
@Component("registerRitualPlan")
public class RegisterRitualPlanListener implements ExecutionListener {

  private final Rituals rituals;

  public RegisterRitualPlanListener(Rituals rituals) {
    this.rituals = rituals;
  }

  @Override
  public void notify(DelegateExecution execution) {
    RegisteredRitualPlan plan = rituals.register(new RegisterRitualPlan(PlanKey.of(execution),
        execution.getProcessInstanceId()));
    execution.setVariable("year", plan.year());
    execution.setVariable("accountName", plan.accountName());
    execution.setVariable("segment", plan.segment());
  }
}
