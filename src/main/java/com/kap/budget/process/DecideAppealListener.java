package com.kap.budget.process;

import com.kap.budget.BudgetRounds;
import com.kap.budget.BudgetRounds.AppealDecided;
import com.kap.platform.forms.FormValues;
import com.kap.platform.forms.TaskCompletionListener;
import com.kap.platform.identity.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * When a global committee member completes "Review appeal": upheld (the bid is funded from the round's reserve) or
 * rejected, with reasons the KAM receives ({@link BudgetRounds#decideAppeal}). An upheld appeal funds the bid, which
 * starts its results process.
 */
@Component("decideAppeal")
public class DecideAppealListener extends TaskCompletionListener {

  private final BudgetRounds budgetRounds;
  private final CurrentUser currentUser;
  private final BidResultsStarter starter;

  public DecideAppealListener(BudgetRounds budgetRounds, CurrentUser currentUser, BidResultsStarter starter) {
    this.budgetRounds = budgetRounds;
    this.currentUser = currentUser;
    this.starter = starter;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    AppealDecided decided = budgetRounds.decideAppeal(execution.getProcessBusinessKey(), FormValues.of(execution),
        currentUser.idOrElse(null));
    if (decided.upheld()) {
      starter.start(execution.getProcessEngineServices().getRuntimeService(), decided.bidId());
    }
  }
}
