package com.kap.budget.process;

import com.kap.budget.BidResults;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * After bidResultDelay: stores when the results report is due, the reminder and the deadline in KAP's tables
 * ({@link BidResults#schedule}); the timers read them from there.
 */
@Component("scheduleBidResult")
public class ScheduleBidResultListener implements ExecutionListener {

  private final BidResults results;

  public ScheduleBidResultListener(BidResults results) {
    this.results = results;
  }

  @Override
  public void notify(DelegateExecution execution) {
    results.schedule(execution.getProcessBusinessKey(), execution.getVariable("reportDelayMonths"));
  }
}
