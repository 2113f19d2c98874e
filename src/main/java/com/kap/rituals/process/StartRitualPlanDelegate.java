package com.kap.rituals.process;

import com.kap.planning.PlanFacts.PlanKey;
import com.kap.rituals.Rituals;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** An approved account plan starts the account's ritual plan for the year (once: a retry starts no second one). */
@Component("startRitualPlan")
public class StartRitualPlanDelegate implements JavaDelegate {

  private final Rituals rituals;

  public StartRitualPlanDelegate(Rituals rituals) {
    this.rituals = rituals;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String businessKey = execution.getProcessBusinessKey();
    if (!rituals.hasPlan(PlanKey.of(execution))) {
      RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
      runtime.startProcessInstanceByKey("ritualPlan", businessKey);
    }
  }
}
