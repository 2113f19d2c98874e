package com.kap.rituals.process;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.Spin;
import org.springframework.stereotype.Component;

/**
 * Creation of "Hold ritual" and "Follow up missed ritual", before anything pre-fills the form: declares the form's
 * fields on the task's execution, so that what Tasklist submits stays with this ritual and never pre-fills another's
 * form, nor a moved ritual's next task.
 *
 * <p>Declared when the task is created, not when the occurrence's branch starts: a year's plan holds about 15
 * branches that wait months for their day, and a dozen empty variables (three of them JSON, each with a byte array
 * row) on each of them made the plan's set-up cost several times the branches and timers themselves.
 */
@Component("declareRecordFields")
public class DeclareRecordFieldsListener implements TaskListener {

  /**
   * The fields "Hold ritual" records and "Follow up missed ritual" adds to: declared for both, since the listener
   * that shows the occurrence pre-fills some of them (the day, a plan review's rows) on either task.
   */
  public static final List<String> FIELDS = List.of("held", "heldDate", "newDate", "attendees", "minutes",
      "decisions", "actions", "customerSatisfaction", "notHeldReason", "followUp", "reviewObjectives", "reviewActions",
      "stakeholdersPresent");

  private static final Set<String> LISTS = Set.of("actions", "reviewObjectives", "reviewActions", "stakeholdersPresent");

  @Override
  public void notify(DelegateTask task) {
    for (String field : FIELDS) {
      // a list starts empty, not null: Tasklist submits a list into a variable of the type it found, and a Null
      // variable cannot take a list
      task.getExecution().setVariableLocal(field, LISTS.contains(field) ? Spin.JSON("[]") : null);
    }
  }
}
