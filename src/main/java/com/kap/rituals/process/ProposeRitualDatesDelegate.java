package com.kap.rituals.process;

import com.kap.planning.PlanFacts.PlanKey;
import com.kap.rituals.Rituals;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Proposes the year's ritual dates from the segment's cadence (DMN ritualCadence): every period from today to the
 * year's end, on working days. The KAM adjusts them in "Propose ritual calendar".
 */
@Component("proposeRitualDates")
public class ProposeRitualDatesDelegate implements JavaDelegate {

  private final Rituals rituals;

  public ProposeRitualDatesDelegate(Rituals rituals) {
    this.rituals = rituals;
  }

  @Override
  public void execute(DelegateExecution execution) {
    rituals.proposeDates(PlanKey.of(execution)).show(execution);
  }
}
