package com.kap.budget.process;

import com.kap.budget.BudgetRounds;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Once every eligible bid is scored: the optimiser's exact proposal within envelope − reserve, stored for the chair
 * and shown in "Decide allocation" with the reason for every unfunded bid and the benefit at ±10 % budget
 * ({@link BudgetRounds#proposeAllocation}).
 */
@Component("proposeAllocation")
public class ProposeAllocationDelegate implements JavaDelegate {

  private final BudgetRounds budgetRounds;

  public ProposeAllocationDelegate(BudgetRounds budgetRounds) {
    this.budgetRounds = budgetRounds;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariables(budgetRounds.proposeAllocation(execution.getProcessBusinessKey()));
  }
}
