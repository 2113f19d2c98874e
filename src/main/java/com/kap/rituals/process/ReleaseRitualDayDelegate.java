package com.kap.rituals.process;

import com.kap.planning.PlanFacts.PlanKey;
import com.kap.rituals.Rituals;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Hand out the day's rituals": the rituals whose day has come are marked in KAP's table; each then gets a branch. */
@Component("releaseRitualDay")
public class ReleaseRitualDayDelegate implements JavaDelegate {

  private final Rituals rituals;

  public ReleaseRitualDayDelegate(Rituals rituals) {
    this.rituals = rituals;
  }

  @Override
  public void execute(DelegateExecution execution) {
    rituals.handOutRitualDay(PlanKey.of(execution));
  }
}
