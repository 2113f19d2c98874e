package com.kap.planning.process;

import com.kap.planning.CyclePlans;
import com.kap.planning.internal.AccountPlanRepository;
import com.kap.planning.internal.CycleRepository;
import com.kap.portfolio.Portfolio;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * When an administrator cancels (deletes) a running cycle: its running plans are deleted in the background, and
 * its plans' records, versions, segmentation and registration go with it, so that the year can be started afresh. A cycle that ends normally keeps everything.
 */
@Component("cycleCancelled")
public class CycleCancelledListener implements ExecutionListener {

  private final CycleRepository cycles;
  private final AccountPlanRepository plans;
  private final Portfolio cycleSegments;
  private final CyclePlans cyclePlans;

  public CycleCancelledListener(CycleRepository cycles, AccountPlanRepository plans,
      Portfolio cycleSegments, CyclePlans cyclePlans) {
    this.cyclePlans = cyclePlans;
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
    cyclePlans.closeOpenPlans(number.intValue(), "the " + number + " planning cycle was cancelled");
    plans.deleteYear(number.intValue());
    cycleSegments.forgetYear(number.intValue());
    cycles.delete(number.intValue());
  }
}
