package com.kap.rituals;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The advisory board was not recorded within the grace period: it counts as missed. */
@Component("recordMissedBoard")
public class RecordMissedBoardDelegate implements JavaDelegate {

  private final AdvisoryBoardRepository boards;
  private final Clock clock;

  public RecordMissedBoardDelegate(AdvisoryBoardRepository boards, Clock clock) {
    this.boards = boards;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boards.markMissed(execution.getProcessInstanceId(), clock.instant());
  }
}
