package com.kap.budget.process;

import com.kap.budget.BudgetRounds;
import com.kap.platform.forms.FormValues;
import com.kap.platform.identity.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * First step of a budget round: the programme director's start form is checked on the server and the round opened
 * ({@link BudgetRounds#open}) as the open one of its scope (a region, or global). Its id becomes the business key.
 */
@Component("openBudgetRound")
public class OpenBudgetRoundDelegate implements JavaDelegate {

  private final BudgetRounds budgetRounds;
  private final CurrentUser currentUser;

  public OpenBudgetRoundDelegate(BudgetRounds budgetRounds, CurrentUser currentUser) {
    this.budgetRounds = budgetRounds;
    this.currentUser = currentUser;
  }

  @Override
  public void execute(DelegateExecution execution) {
    BudgetRounds.RoundOpened opened = budgetRounds.open(FormValues.of(execution),
        execution.getVariable("reservePercent") != null, currentUser.idOrElse(null),
        execution.getProcessInstanceId());
    execution.setProcessBusinessKey(opened.roundId());
    execution.setVariable("roundId", opened.roundId());
    execution.setVariable("roundName", opened.name());
    execution.setVariable("callDeadline", opened.callDeadline());
  }
}
