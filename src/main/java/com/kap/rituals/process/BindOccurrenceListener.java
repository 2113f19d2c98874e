package com.kap.rituals.process;

import com.kap.rituals.Rituals;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start of one occurrence's branch: ties the occurrence to the branch, before any task could change a variable. The
 * form's fields are declared later, when the ritual's task is created ({@link DeclareRecordFieldsListener}).
 */
@Component("bindOccurrence")
public class BindOccurrenceListener implements ExecutionListener {

  private final Rituals rituals;

  public BindOccurrenceListener(Rituals rituals) {
    this.rituals = rituals;
  }

  @Override
  public void notify(DelegateExecution execution) {
    rituals.bind(((Number) execution.getVariable("occurrenceId")).longValue(), execution.getId());
  }
}
