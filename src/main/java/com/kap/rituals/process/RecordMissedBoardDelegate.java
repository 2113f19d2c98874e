package com.kap.rituals.process;

import com.kap.platform.operations.BusinessMetrics;
import com.kap.rituals.internal.AdvisoryBoardRepository;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The advisory board was not recorded within the grace period: it counts as missed. */
@Component("recordMissedBoard")
public class RecordMissedBoardDelegate implements JavaDelegate {

  private final AdvisoryBoardRepository boards;
  private final Clock clock;
  private final BusinessMetrics metrics;

  public RecordMissedBoardDelegate(AdvisoryBoardRepository boards, Clock clock, BusinessMetrics metrics) {
    this.boards = boards;
    this.clock = clock;
    this.metrics = metrics;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boards.markMissed(execution.getProcessInstanceId(), clock.instant());
    metrics.advisoryBoardMissed();
  }
}
