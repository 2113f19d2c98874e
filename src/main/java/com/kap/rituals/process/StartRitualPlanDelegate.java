package com.kap.rituals.process;

import com.kap.planning.PlanFacts.PlanKey;
import com.kap.rituals.internal.RitualPlanRepository;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** An approved account plan starts the account's ritual plan for the year (once: a retry starts no second one). */
@Component("startRitualPlan")
public class StartRitualPlanDelegate implements JavaDelegate {

  private final RitualPlanRepository plans;

  public StartRitualPlanDelegate(RitualPlanRepository plans) {
    this.plans = plans;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String businessKey = execution.getProcessBusinessKey();
    PlanKey key = PlanKey.of(execution);
    if (plans.find(key.year(), key.accountId()).isEmpty()) {
      RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
      runtime.startProcessInstanceByKey("ritualPlan", businessKey);
    }
  }
}
