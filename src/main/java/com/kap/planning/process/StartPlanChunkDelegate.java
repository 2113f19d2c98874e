package com.kap.planning.process;

import com.kap.planning.AccountPlans;
import com.kap.planning.CyclePlans;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * "Start account plans", one job per chunk of 100 accounts: starts an accountPlan (business key year-accountId) for
 * each account of the chunk that has none yet, so a retried job starts only what is missing.
 */
@Component("startPlanChunk")
public class StartPlanChunkDelegate implements JavaDelegate {

  private final CyclePlans cyclePlans;
  private final AccountPlans plans;

  public StartPlanChunkDelegate(CyclePlans cyclePlans, AccountPlans plans) {
    this.cyclePlans = cyclePlans;
    this.plans = plans;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int year = ((Number) execution.getVariable("year")).intValue();
    int chunk = ((Number) execution.getVariable("planChunk")).intValue();
    RuntimeService runtimeService = execution.getProcessEngineServices().getRuntimeService();
    for (String accountId : cyclePlans.chunk(year, chunk)) {
      if (plans.plan(year, accountId).isPresent()) {
        continue;
      }
      runtimeService.startProcessInstanceByKey("accountPlan", year + "-" + accountId, Variables.createVariables()
          .putValue("year", year)
          .putValue("accountId", accountId)
          .putValue("planDeadline", execution.getVariable("planDeadline"))
          .putValue("planDeadlineDue", execution.getVariable("planDeadlineDue"))
          .putValue("reminderDue", execution.getVariable("reminderDue")));
    }
  }
}
