package com.kap.rituals;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Start of one occurrence's branch: ties the occurrence to the branch, before any task could change a variable. */
@Component("bindOccurrence")
public class BindOccurrenceListener implements ExecutionListener {

  private final OccurrenceRepository occurrences;

  public BindOccurrenceListener(OccurrenceRepository occurrences) {
    this.occurrences = occurrences;
  }

  @Override
  public void notify(DelegateExecution execution) {
    occurrences.bindExecution(((Number) execution.getVariable("occurrenceId")).longValue(), execution.getId());
  }
}
