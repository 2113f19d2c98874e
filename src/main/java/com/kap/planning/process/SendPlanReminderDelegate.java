package com.kap.planning.process;

import com.kap.planning.AccountPlans;
import com.kap.planning.PlanFacts;
import com.kap.planning.RemindKam;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Remind KAM": the plan deadline is a week away and the plan is not approved yet. */
@Component("sendPlanReminder")
public class SendPlanReminderDelegate implements JavaDelegate {

  private final AccountPlans plans;

  public SendPlanReminderDelegate(AccountPlans plans) {
    this.plans = plans;
  }

  @Override
  public void execute(DelegateExecution execution) {
    plans.remind(new RemindKam(PlanFacts.PlanKey.of(execution), (Date) execution.getVariable("planDeadlineDue")));
  }
}
