package com.kap.budget.process;

import com.kap.budget.BidResults;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Gives the bidResultDelay table its input from KAP's tables: the funded bid's category. */
@Component("bidResultDelayInputs")
public class BidResultDelayInputsListener implements ExecutionListener {

  private final BidResults results;

  public BidResultDelayInputsListener(BidResults results) {
    this.results = results;
  }

  @Override
  public void notify(DelegateExecution execution) {
    execution.setVariables(results.delayInputs(execution.getProcessBusinessKey()));
  }
}
