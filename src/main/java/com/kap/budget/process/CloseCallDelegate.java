package com.kap.budget.process;

import com.kap.budget.BudgetRounds;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * At the call deadline: every open bid of the round is told (message callClosed), which runs its eligibility check
 * and creates its scoring tasks in this transaction; then the round knows how many bids it waits for. The scope is
 * free again for the next round.
 */
@Component("closeCall")
public class CloseCallDelegate implements JavaDelegate {

  public static final String CALL_CLOSED = "callClosed";

  private final BudgetRounds budgetRounds;

  public CloseCallDelegate(BudgetRounds budgetRounds) {
    this.budgetRounds = budgetRounds;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String roundId = execution.getProcessBusinessKey();
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    for (String bidId : budgetRounds.submittedBids(roundId)) {
      runtime.createMessageCorrelation(CALL_CLOSED).processInstanceBusinessKey(bidId).correlateAllWithResult();
    }
    execution.setVariable("eligibleBids", budgetRounds.closeCall(roundId).eligibleBids());
  }
}
