package com.kap.planning;

import com.kap.notifications.Notifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Remind KAM": the plan deadline is a week away and the plan is not approved yet. */
@Component("sendPlanReminder")
public class SendPlanReminderDelegate implements JavaDelegate {

  private final Notifications notifications;

  public SendPlanReminderDelegate(Notifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String account = execution.getVariable("accountName") + " (" + execution.getVariable("accountId") + ")";
    notifications.send((String) execution.getVariable("kam"),
        "Reminder: account plan " + execution.getVariable("year") + " for " + account + " is due on "
            + execution.getVariable("planDeadline"),
        "The " + execution.getVariable("year") + " plan for " + account + " is due on "
            + execution.getVariable("planDeadline") + " and is not approved yet. Open it in Tasklist.");
  }
}
