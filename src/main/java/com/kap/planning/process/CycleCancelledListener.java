package com.kap.planning.process;

import com.kap.planning.PlanningCycles;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * When an administrator cancels (deletes) a running cycle: its running plans are deleted in the background, and
 * its plans' records, versions, segmentation and registration go with it, so that the year can be started afresh. A cycle that ends normally keeps everything.
 */
@Component("cycleCancelled")
public class CycleCancelledListener implements ExecutionListener {

  private final PlanningCycles cycles;

  public CycleCancelledListener(PlanningCycles cycles) {
    this.cycles = cycles;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Object year = execution.getVariable("year");
    if (!execution.isCanceled() || !(year instanceof Number number)) {
      return;
    }
    cycles.cancel(number.intValue());
  }
}
