package com.kap.budget.process;

import com.kap.budget.BudgetRounds;
import com.kap.platform.forms.FormValues;
import com.kap.platform.forms.TaskCompletionListener;
import com.kap.platform.identity.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * When the chair completes "Close the call early": the reason is required, and only the round's chair (from KAP's
 * tables, never from a variable) may close the call; who closed it and why go to the round's audit trail
 * ({@link BudgetRounds#closeCallEarly}). The round then closes the call by the same step as at the deadline.
 */
@Component("closeCallEarly")
public class CloseCallEarlyListener extends TaskCompletionListener {

  private final BudgetRounds budgetRounds;
  private final CurrentUser currentUser;

  public CloseCallEarlyListener(BudgetRounds budgetRounds, CurrentUser currentUser) {
    this.budgetRounds = budgetRounds;
    this.currentUser = currentUser;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    budgetRounds.closeCallEarly(execution.getProcessBusinessKey(), FormValues.of(execution),
        currentUser.idOrElse(null));
  }
}
