package com.kap.budget.process;

import com.kap.budget.Bids;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start of "Consider appeal" and "Review appeal": the decision, the reason and the scorecards (published now), and,
 * for the reviewer, the grounds and the reserve left ({@link Bids#outcome}).
 */
@Component("showOutcome")
public class ShowOutcomeListener implements ExecutionListener {

  private final Bids bids;

  public ShowOutcomeListener(Bids bids) {
    this.bids = bids;
  }

  @Override
  public void notify(DelegateExecution execution) {
    execution.setVariables(bids.outcome(execution.getProcessBusinessKey()));
  }
}
