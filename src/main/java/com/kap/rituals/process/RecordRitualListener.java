package com.kap.rituals.process;

import com.kap.platform.forms.FormValues;
import com.kap.platform.forms.TaskCompletionListener;
import com.kap.rituals.RecordRitual;
import com.kap.rituals.Rituals;
import com.kap.rituals.StakeholderContacts;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * When the host completes "Hold ritual": held (date, attendees, minutes, decisions, actions, and for a ritual with
 * the customer their satisfaction 1–5 and which of the account's stakeholders took part), not held (with the
 * reason) or moved to another day.
 */
@Component("recordRitual")
public class RecordRitualListener extends TaskCompletionListener {

  private final Rituals rituals;
  private final StakeholderContacts stakeholders;

  public RecordRitualListener(Rituals rituals, StakeholderContacts stakeholders) {
    this.rituals = rituals;
    this.stakeholders = stakeholders;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    rituals.record(new RecordRitual(execution, FormValues.of(execution)));
    // which of the account's stakeholders took part: their last contact
    stakeholders.record(execution, FormValues.of(execution));
  }
}
