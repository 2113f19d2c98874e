package com.kap.rituals.process;

import com.kap.platform.forms.FormValues;
import com.kap.platform.forms.TaskCompletionListener;
import com.kap.rituals.RecordRitual;
import com.kap.rituals.Rituals;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * When the host completes "Hold ritual": held (date, attendees, minutes, decisions, actions, and for a ritual with
 * the customer their satisfaction 1–5), not held (with the reason) or moved to another day.
 */
@Component("recordRitual")
public class RecordRitualListener extends TaskCompletionListener {

  private final Rituals rituals;

  public RecordRitualListener(Rituals rituals) {
    this.rituals = rituals;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    rituals.record(new RecordRitual(execution, FormValues.of(execution)));
  }
}
