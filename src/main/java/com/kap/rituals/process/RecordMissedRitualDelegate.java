package com.kap.rituals.process;

import com.kap.rituals.Rituals;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The grace period passed without a record: the occurrence counts as missed; the programme director follows up. */
@Component("recordMissedRitual")
public class RecordMissedRitualDelegate implements JavaDelegate {

  private final Rituals rituals;

  public RecordMissedRitualDelegate(Rituals rituals) {
    this.rituals = rituals;
  }

  @Override
  public void execute(DelegateExecution execution) {
    rituals.recordMissed(execution);
  }
}
