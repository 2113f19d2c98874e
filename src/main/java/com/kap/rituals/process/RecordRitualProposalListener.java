package com.kap.rituals.process;

import com.kap.planning.PlanFacts.PlanKey;
import com.kap.platform.forms.FormValues;
import com.kap.platform.forms.TaskCompletionListener;
import com.kap.rituals.ProposeRitualCalendar;
import com.kap.rituals.ProposedRitualCalendar;
import com.kap.rituals.Rituals;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * When the KAM completes "Propose ritual calendar": every date a working day within the rest of the cycle year,
 * customer participants named for external rituals, and a justification where the calendar holds fewer rituals of
 * a type than the cadence asks for.
 */
@Component("recordRitualProposal")
public class RecordRitualProposalListener extends TaskCompletionListener {

  private final Rituals rituals;

  public RecordRitualProposalListener(Rituals rituals) {
    this.rituals = rituals;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    ProposedRitualCalendar proposed = rituals.propose(new ProposeRitualCalendar(PlanKey.of(execution),
        FormValues.of(execution)));
    execution.setVariable("shortfall", proposed.shortfall());
    proposed.calendar().show(execution);
  }
}
