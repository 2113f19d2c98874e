package com.kap.rituals.process;

import com.kap.planning.PlanFacts.PlanKey;
import com.kap.rituals.Rituals;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The account was re-segmented mid-year: open rituals are cancelled, and the calendar is proposed anew. */
@Component("changeRitualSegment")
public class ChangeRitualSegmentDelegate implements JavaDelegate {

  private final Rituals rituals;

  public ChangeRitualSegmentDelegate(Rituals rituals) {
    this.rituals = rituals;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("segment", rituals.changeSegment(PlanKey.of(execution)));
  }
}
