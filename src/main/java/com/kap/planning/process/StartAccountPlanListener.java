package com.kap.planning.process;

import com.kap.planning.AccountPlans;
import com.kap.planning.PlanForm;
import com.kap.planning.PlanStarted;
import com.kap.planning.StartPlan;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * When an account plan starts: registers it (the primary key on year and account refuses a second plan, so a
 * retried fan-out job rolls back instead of duplicating), gives the process what its tasks and filters show,
 * and pre-fills the draft with last year's approved plan.
 */
@Component("startAccountPlan")
public class StartAccountPlanListener implements ExecutionListener {

  private final AccountPlans plans;

  public StartAccountPlanListener(AccountPlans plans) {
    this.plans = plans;
  }

  @Override
  public void notify(DelegateExecution execution) {
    int year = ((Number) execution.getVariable("year")).intValue();
    String accountId = (String) execution.getVariable("accountId");
    PlanStarted plan = plans.start(new StartPlan(year, accountId, execution.getProcessInstanceId()));
    execution.setVariable("accountName", plan.accountName());
    execution.setVariable("kam", plan.kam());
    execution.setVariable("sponsor", plan.sponsor());
    execution.setVariable("segment", plan.segment());
    if (plan.lastYearsPlan() != null) {
      PlanForm.write(plan.lastYearsPlan(), execution);
      execution.setVariable("prefilledFrom", year - 1);
    } else {
      PlanForm.writeEmptyLists(execution);
    }
  }
}
