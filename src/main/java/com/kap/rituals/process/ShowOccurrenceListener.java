package com.kap.rituals.process;

import com.kap.platform.forms.DisplayDates;
import com.kap.platform.forms.ShownVariables;
import com.kap.platform.i18n.Texts;
import com.kap.platform.i18n.UserLocales;
import com.kap.planning.ApprovedPlan;
import com.kap.rituals.FollowUps;
import com.kap.rituals.Occurrence;
import com.kap.rituals.RitualToHold;
import com.kap.rituals.Rituals;
import com.kap.rituals.StakeholderContacts;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.Spin;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

/**
 * Creation of "Hold ritual" and "Follow up missed ritual": what the form shows, as task variables; the ritual's
 * name, its day and the plan a review is held against in the language of the task's assignee (the installation's
 * when it has none), and so the plan review's rows (an action's owner and due date). A task claimed or given to
 * someone else ({@code assignment}) has its texts written again in the new assignee's language; the rows, which the
 * form submits, are left as they are.
 */
@Component("showOccurrence")
public class ShowOccurrenceListener implements TaskListener {

  /** The approved version a plan review's rows come from, kept on the task to name it again on reassignment. */
  static final String REVIEWED_VERSION = "reviewedPlanVersion";

  private final Rituals rituals;
  private final FollowUps followUps;
  private final StakeholderContacts stakeholders;
  private final UserLocales locales;
  private final Texts texts;

  public ShowOccurrenceListener(Rituals rituals, FollowUps followUps, StakeholderContacts stakeholders,
      UserLocales locales, Texts texts) {
    this.locales = locales;
    this.rituals = rituals;
    this.followUps = followUps;
    this.stakeholders = stakeholders;
    this.texts = texts;
  }

  @Override
  public void notify(DelegateTask task) {
    Occurrence occurrence = rituals.occurrence(task.getExecution());
    if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
      Integer version = task.getVariableLocal(REVIEWED_VERSION) instanceof Integer v ? v : null;
      writeTexts(task, occurrence, version);
      return;
    }
    RitualToHold ritual = rituals.ritualToHold(task.getExecution());
    ShownVariables.setLocal(task, "plannedDate", ritual.plannedDate().toString());
    // a form field's pre-fill goes where the field is declared (the occurrence's branch), not onto the task: a
    // task-local variable would keep what Tasklist submits from the listener that records the ritual
    task.getExecution().setVariable("heldDate", ritual.plannedDate().toString());
    ShownVariables.setLocal(task, "external", ritual.external());
    ShownVariables.setLocal(task, "customerParticipants", ritual.customerParticipants());
    if (ritual.ownerOptions() != null) {
      ShownVariables.setLocal(task, "ownerOptions", Spin.JSON(ritual.ownerOptions()));
    }
    ShownVariables.setLocal(task, "accountName", ritual.accountName());
    // the plan review: the approved plan's objectives with their targets, and its open actions, to record against
    Optional<ApprovedPlan> plan = followUps.planToReview(occurrence);
    ShownVariables.setLocal(task, "planReview", plan.isPresent());
    plan.ifPresent(reviewed -> {
      ShownVariables.setLocal(task, REVIEWED_VERSION, reviewed.version());
      followUps.reviewRows(occurrence, reviewed, locales.of(task.getAssignee())).forEach((list, rows) ->
          task.getExecution().setVariable(list, Spin.JSON(rows)));
    });
    writeTexts(task, occurrence, plan.map(ApprovedPlan::version).orElse(null));
    // the account's stakeholders, for "Customer participants who took part" (none for a ritual without the customer)
    ShownVariables.setLocal(task, "stakeholderOptions", Spin.JSON(stakeholders.options(task.getExecution())));
  }

  /** The ritual's name, its day and the reviewed plan, in the language of whoever the task is for now. */
  private void writeTexts(DelegateTask task, Occurrence occurrence, Integer reviewedVersion) {
    Locale reader = locales.of(task.getAssignee());
    if (ShownVariables.alreadyShown(task, reader)) {
      return;
    }
    ShownVariables.setLocal(task, "ritualLabel", ritualName(reader, occurrence));
    LocalDate planned = occurrence.plannedDate();
    ShownVariables.setLocal(task, "plannedDateText", DisplayDates.format(planned, reader));
    if (reviewedVersion != null) {
      ShownVariables.setLocal(task, "reviewedPlanText", texts.text(reader, "holdRitual.reviewedPlan",
          String.valueOf(occurrence.year()), String.valueOf(reviewedVersion)));
    }
  }

  /** The ritual's name as the pages give it ({@code ritual.*}); its English label for a kind they do not know. */
  private String ritualName(Locale reader, Occurrence occurrence) {
    try {
      return texts.text(reader, "ritual." + occurrence.type().key());
    } catch (NoSuchMessageException unknown) {
      return occurrence.type().label();
    }
  }
}
