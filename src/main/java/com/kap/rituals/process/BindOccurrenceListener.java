package com.kap.rituals.process;

import com.kap.rituals.Rituals;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.spin.Spin;
import org.springframework.stereotype.Component;

/**
 * Start of one occurrence's branch: ties the occurrence to the branch, before any task could change a variable, and
 * declares the "Hold ritual" fields on the branch, so that one ritual's record never pre-fills another's form.
 */
@Component("bindOccurrence")
public class BindOccurrenceListener implements ExecutionListener {

  public static final java.util.List<String> RECORD_FIELDS = java.util.List.of("held", "heldDate", "newDate", "attendees",
      "minutes", "decisions", "actions", "customerSatisfaction", "notHeldReason", "followUp", "reviewObjectives", "reviewActions");

  private static final java.util.Set<String> LISTS = java.util.Set.of("actions", "reviewObjectives", "reviewActions");

  private final Rituals rituals;

  public BindOccurrenceListener(Rituals rituals) {
    this.rituals = rituals;
  }

  @Override
  public void notify(DelegateExecution execution) {
    rituals.bind(((Number) execution.getVariable("occurrenceId")).longValue(), execution.getId());
    for (String field : RECORD_FIELDS) {
      // a list starts empty, not null: Tasklist submits a list into a variable of the type it found, and a Null
      // variable cannot take a list
      execution.setVariableLocal(field, LISTS.contains(field) ? Spin.JSON("[]") : null);
    }
  }
}
