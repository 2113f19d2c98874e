package com.kap.rituals.process;

import com.kap.planning.PlanFacts.PlanKey;
import com.kap.rituals.Rituals;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The validated calendar becomes the plan: every proposed date is planned; "Next ritual day" then hands the rituals
 * out to their branches day by day.
 */
@Component("scheduleRituals")
public class ScheduleRitualsDelegate implements JavaDelegate {

  private final Rituals rituals;

  public ScheduleRitualsDelegate(Rituals rituals) {
    this.rituals = rituals;
  }

  @Override
  public void execute(DelegateExecution execution) {
    rituals.schedule(PlanKey.of(execution));
  }
}
