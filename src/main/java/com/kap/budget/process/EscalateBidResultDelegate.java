package com.kap.budget.process;

import com.kap.budget.BidResults;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The results report is late: the programme director is told by mail ({@link BidResults#escalate}). */
@Component("escalateBidResult")
public class EscalateBidResultDelegate implements JavaDelegate {

  private final BidResults results;

  public EscalateBidResultDelegate(BidResults results) {
    this.results = results;
  }

  @Override
  public void execute(DelegateExecution execution) {
    results.escalate(execution.getProcessBusinessKey());
  }
}
