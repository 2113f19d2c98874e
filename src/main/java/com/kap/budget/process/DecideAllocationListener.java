package com.kap.budget.process;

import com.kap.budget.BudgetRounds;
import com.kap.platform.forms.FormValues;
import com.kap.platform.forms.TaskCompletionListener;
import com.kap.platform.identity.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * When the chair completes "Decide allocation": the form (the recommendation as it is, or with single bids funded or
 * unfunded, each with a reason) is recorded with {@link BudgetRounds#decide}, which checks the result.
 */
@Component("decideAllocation")
public class DecideAllocationListener extends TaskCompletionListener {

  private final BudgetRounds budgetRounds;
  private final CurrentUser currentUser;

  public DecideAllocationListener(BudgetRounds budgetRounds, CurrentUser currentUser) {
    this.budgetRounds = budgetRounds;
    this.currentUser = currentUser;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    budgetRounds.decide(execution.getProcessBusinessKey(), FormValues.of(execution), currentUser.idOrElse(null));
  }
}
