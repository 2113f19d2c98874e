package com.kap.budget.process;

import com.kap.budget.BidResults;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The results report is still open near its deadline: the KAM is reminded by mail ({@link BidResults#remind}). */
@Component("remindBidResult")
public class RemindBidResultDelegate implements JavaDelegate {

  private final BidResults results;

  public RemindBidResultDelegate(BidResults results) {
    this.results = results;
  }

  @Override
  public void execute(DelegateExecution execution) {
    results.remind(execution.getProcessBusinessKey());
  }
}
