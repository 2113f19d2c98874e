package com.kap.budget.process;

import com.kap.budget.BudgetRounds;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * After the chair's decision: each bid process learns its outcome (message allocationPublished), each KAM by mail
 * ({@link BudgetRounds#publishAllocation}).
 */
@Component("publishAllocation")
public class PublishAllocationDelegate implements JavaDelegate {

  public static final String ALLOCATION_PUBLISHED = "allocationPublished";

  private final BudgetRounds budgetRounds;

  public PublishAllocationDelegate(BudgetRounds budgetRounds) {
    this.budgetRounds = budgetRounds;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    budgetRounds.publishAllocation(execution.getProcessBusinessKey(), bidId -> runtime
        .createMessageCorrelation(ALLOCATION_PUBLISHED).processInstanceBusinessKey(bidId).correlateAllWithResult());
  }
}
