package com.kap.planning.process;

import com.kap.planning.AccountPlan;
import com.kap.planning.PlanFacts;
import com.kap.planning.internal.CycleRepository;
import com.kap.platform.forms.DisplayDates;
import com.kap.platform.notifications.Notifications;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** "Remind KAM": the plan deadline is a week away and the plan is not approved yet. */
@Component("sendPlanReminder")
public class SendPlanReminderDelegate implements JavaDelegate {

  private final Notifications notifications;
  private final PlanFacts facts;
  private final CycleRepository cycles;

  public SendPlanReminderDelegate(Notifications notifications, PlanFacts facts, CycleRepository cycles) {
    this.notifications = notifications;
    this.facts = facts;
    this.cycles = cycles;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AccountPlan plan = facts.plan(execution);
    Date due = (Date) execution.getVariable("planDeadlineDue");
    if (due != null && !ClockUtil.getCurrentTime().before(due)) {
      return; // the deadline has passed: the escalation takes over
    }
    String deadline = cycles.find(plan.year()).map(c -> DisplayDates.format(c.planDeadline())).orElse("the deadline");
    String account = facts.account(execution).name() + " (" + plan.accountId() + ")";
    notifications.send(plan.kam(),
        "Reminder: account plan " + plan.year() + " for " + account + " is due on " + deadline,
        "The " + plan.year() + " plan for " + account + " is due on " + deadline
            + " and is not approved yet. Open it in Tasklist.");
  }
}
