package com.kap.rituals.process;

import com.kap.platform.forms.DisplayDates;
import com.kap.platform.forms.ShownVariables;
import com.kap.platform.i18n.Texts;
import com.kap.platform.i18n.UserLocales;
import com.kap.rituals.FollowUps;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Creation of "Follow up action" and "Handle overdue action": what the form shows, as task variables; the due date
 * and where the action comes from in the language of the task's assignee (the installation's when it has none).
 */
@Component("showFollowUpAction")
public class ShowFollowUpActionListener implements TaskListener {

  private final FollowUps followUps;
  private final UserLocales locales;
  private final Texts texts;

  public ShowFollowUpActionListener(FollowUps followUps, UserLocales locales, Texts texts) {
    this.followUps = followUps;
    this.locales = locales;
    this.texts = texts;
  }

  @Override
  public void notify(DelegateTask task) {
    FollowUps.ActionToShow action = followUps.toShow(task.getExecution());
    Locale reader = locales.of(task.getAssignee());
    ShownVariables.setLocal(task, "actionText", action.action());
    ShownVariables.setLocal(task, "actionOwner", action.owner());
    ShownVariables.setLocal(task, "actionDueText", DisplayDates.format(action.dueDate(), reader));
    ShownVariables.setLocal(task, "actionSource", action.fromPlan()
        ? texts.text(reader, "followUp.source.plan", String.valueOf(action.year()))
        : texts.text(reader, "followUp.source.ritual"));
    ShownVariables.setLocal(task, "accountName", action.accountName());
    ShownVariables.setLocal(task, "accountId", action.accountId());
    ShownVariables.setLocal(task, "year", action.year()); // Tasklist's cards show account and year
  }
}
