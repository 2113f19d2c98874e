package com.kap.budget.process;

import com.kap.budget.Bids;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Gives the bidEligibility table its inputs, from KAP's tables: plan status, segment, category, financials. */
@Component("bidEligibilityInputs")
public class EligibilityInputsListener implements ExecutionListener {

  private final Bids bids;

  public EligibilityInputsListener(Bids bids) {
    this.bids = bids;
  }

  @Override
  public void notify(DelegateExecution execution) {
    execution.setVariables(bids.eligibilityInputs(execution.getProcessBusinessKey()));
  }
}
