package com.kap.budget.process;

import com.kap.budget.BudgetRounds;
import com.kap.platform.forms.FormValues;
import com.kap.platform.forms.TaskCompletionListener;
import com.kap.platform.identity.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * When a global committee member completes "Review appeal": upheld (the bid is funded from the round's reserve) or
 * rejected, with reasons the KAM receives ({@link BudgetRounds#decideAppeal}).
 */
@Component("decideAppeal")
public class DecideAppealListener extends TaskCompletionListener {

  private final BudgetRounds budgetRounds;
  private final CurrentUser currentUser;

  public DecideAppealListener(BudgetRounds budgetRounds, CurrentUser currentUser) {
    this.budgetRounds = budgetRounds;
    this.currentUser = currentUser;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    budgetRounds.decideAppeal(execution.getProcessBusinessKey(), FormValues.of(execution),
        currentUser.idOrElse(null));
  }
}
