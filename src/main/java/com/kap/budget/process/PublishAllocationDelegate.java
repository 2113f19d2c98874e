package com.kap.budget.process;

import com.kap.budget.BidResults;
import com.kap.budget.BudgetRounds;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * After the chair's decision: each bid process learns its outcome (message allocationPublished), each KAM by mail
 * ({@link BudgetRounds#publishAllocation}); each funded bid starts its results process.
 */
@Component("publishAllocation")
public class PublishAllocationDelegate implements JavaDelegate {

  public static final String ALLOCATION_PUBLISHED = "allocationPublished";

  private final BudgetRounds budgetRounds;
  private final BidResults bidResults;
  private final BidResultsStarter starter;

  public PublishAllocationDelegate(BudgetRounds budgetRounds, BidResults bidResults, BidResultsStarter starter) {
    this.budgetRounds = budgetRounds;
    this.bidResults = bidResults;
    this.starter = starter;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    budgetRounds.publishAllocation(execution.getProcessBusinessKey(), bidId -> runtime
        .createMessageCorrelation(ALLOCATION_PUBLISHED).processInstanceBusinessKey(bidId).correlateAllWithResult());
    bidResults.fundedBids(execution.getProcessBusinessKey()).forEach(bidId -> starter.start(runtime, bidId));
  }
}
