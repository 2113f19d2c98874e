package com.kap.planning;

import com.kap.portfolio.CycleSegmentRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * When an administrator cancels (deletes) a running cycle: its plans, versions, segmentation and registration go
 * with it, so that the year can be started afresh. A cycle that ends normally keeps everything.
 */
@Component("cycleCancelled")
public class CycleCancelledListener implements ExecutionListener {

  private final CycleRepository cycles;
  private final AccountPlanRepository plans;
  private final CycleSegmentRepository cycleSegments;

  public CycleCancelledListener(CycleRepository cycles, AccountPlanRepository plans,
      CycleSegmentRepository cycleSegments) {
    this.cycles = cycles;
    this.plans = plans;
    this.cycleSegments = cycleSegments;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Object year = execution.getVariable("year");
    if (!execution.isCanceled() || !(year instanceof Number number)) {
      return;
    }
    plans.deleteYear(number.intValue());
    cycleSegments.deleteYear(number.intValue());
    cycles.delete(number.intValue());
  }
}
