package com.kap.rituals.process;

import com.kap.rituals.Rituals;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The advisory board was not recorded within the grace period: it counts as missed. */
@Component("recordMissedBoard")
public class RecordMissedBoardDelegate implements JavaDelegate {

  private final Rituals rituals;

  public RecordMissedBoardDelegate(Rituals rituals) {
    this.rituals = rituals;
  }

  @Override
  public void execute(DelegateExecution execution) {
    rituals.recordMissedAdvisoryBoard(execution.getProcessInstanceId());
  }
}
