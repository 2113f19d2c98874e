package com.kap.rituals.process;

import com.kap.planning.PlanFacts.PlanKey;
import com.kap.rituals.FollowUps;
import com.kap.rituals.Rituals;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * An approved account plan starts the account's ritual plan for the year, and a followUpAction for each action of
 * its action plan (once: a retry starts no second one).
 */
@Component("startRitualPlan")
public class StartRitualPlanDelegate implements JavaDelegate {

  private final Rituals rituals;
  private final FollowUps followUps;

  public StartRitualPlanDelegate(Rituals rituals, FollowUps followUps) {
    this.rituals = rituals;
    this.followUps = followUps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String businessKey = execution.getProcessBusinessKey();
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    if (!rituals.hasPlan(PlanKey.of(execution))) {
      runtime.startProcessInstanceByKey("ritualPlan", businessKey);
    }
    followUps.startPlanActions(PlanKey.of(execution), runtime);
  }
}
