package com.kap.rituals.process;

import com.kap.rituals.FollowUps;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Creation of "Follow up action" and "Handle overdue action": what the form shows, as task variables. */
@Component("showFollowUpAction")
public class ShowFollowUpActionListener implements TaskListener {

  private final FollowUps followUps;

  public ShowFollowUpActionListener(FollowUps followUps) {
    this.followUps = followUps;
  }

  @Override
  public void notify(DelegateTask task) {
    FollowUps.ActionToShow action = followUps.toShow(task.getExecution());
    task.setVariableLocal("actionText", action.action());
    task.setVariableLocal("actionOwner", action.owner());
    task.setVariableLocal("actionDueText", action.dueDateText());
    task.setVariableLocal("actionSource", action.source());
    task.setVariableLocal("accountName", action.accountName());
    task.setVariableLocal("accountId", action.accountId());
    task.setVariableLocal("year", action.year()); // Tasklist's cards show account and year
  }
}
