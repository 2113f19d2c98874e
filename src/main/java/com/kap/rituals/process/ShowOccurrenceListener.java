package com.kap.rituals.process;

import com.kap.platform.forms.DisplayDates;
import com.kap.platform.i18n.UserLocales;
import com.kap.planning.ApprovedPlan;
import com.kap.rituals.FollowUps;
import com.kap.rituals.Occurrence;
import com.kap.rituals.RitualToHold;
import com.kap.rituals.Rituals;
import com.kap.rituals.StakeholderContacts;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import java.util.Optional;
import org.camunda.spin.Spin;
import org.springframework.stereotype.Component;

/** Creation of "Hold ritual" and "Follow up missed ritual": what the form shows, as task variables. */
@Component("showOccurrence")
public class ShowOccurrenceListener implements TaskListener {

  private final Rituals rituals;
  private final FollowUps followUps;
  private final StakeholderContacts stakeholders;

  private final UserLocales locales;

  public ShowOccurrenceListener(Rituals rituals, FollowUps followUps, StakeholderContacts stakeholders,
      UserLocales locales) {
    this.locales = locales;
    this.rituals = rituals;
    this.followUps = followUps;
    this.stakeholders = stakeholders;
  }

  @Override
  public void notify(DelegateTask task) {
    RitualToHold ritual = rituals.ritualToHold(task.getExecution());
    task.setVariableLocal("ritualLabel", ritual.ritualLabel());
    task.setVariableLocal("plannedDate", ritual.plannedDate().toString());
    task.setVariableLocal("plannedDateText", DisplayDates.format(ritual.plannedDate(),
        locales.of(task.getAssignee())));
    // a form field's pre-fill goes where the field is declared (the occurrence's branch), not onto the task: a
    // task-local variable would keep what Tasklist submits from the listener that records the ritual
    task.getExecution().setVariable("heldDate", ritual.plannedDate().toString());
    task.setVariableLocal("external", ritual.external());
    task.setVariableLocal("customerParticipants", ritual.customerParticipants());
    if (ritual.ownerOptions() != null) {
      task.setVariableLocal("ownerOptions", Spin.JSON(ritual.ownerOptions()));
    }
    task.setVariableLocal("accountName", ritual.accountName());
    // the plan review: the approved plan's objectives with their targets, and its open actions, to record against
    Occurrence occurrence = rituals.occurrence(task.getExecution());
    Optional<ApprovedPlan> plan = followUps.planToReview(occurrence);
    task.setVariableLocal("planReview", plan.isPresent());
    plan.ifPresent(reviewed -> {
      task.setVariableLocal("reviewedPlanText", "the " + reviewed.year() + " plan (version " + reviewed.version()
          + ")");
      followUps.reviewRows(occurrence, reviewed).forEach((list, rows) ->
          task.getExecution().setVariable(list, Spin.JSON(rows)));
    });
    // the account's stakeholders, for "Customer participants who took part" (none for a ritual without the customer)
    task.setVariableLocal("stakeholderOptions", Spin.JSON(stakeholders.options(task.getExecution())));
  }
}
