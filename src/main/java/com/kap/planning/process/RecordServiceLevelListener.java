package com.kap.planning.process;

import com.kap.planning.PlanFacts;
import com.kap.planning.internal.AccountPlanRepository;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** After "Determine service level": keeps the DMN's plan depth and sponsor rule with the plan record. */
@Component("recordServiceLevel")
public class RecordServiceLevelListener implements ExecutionListener {

  private final AccountPlanRepository plans;

  public RecordServiceLevelListener(AccountPlanRepository plans) {
    this.plans = plans;
  }

  @Override
  public void notify(DelegateExecution execution) {
    // the decision's result, before the output mapping copies it into process variables
    Map<?, ?> serviceLevel = (Map<?, ?>) execution.getVariable("serviceLevel");
    PlanFacts.PlanKey key = PlanFacts.PlanKey.of(execution);
    plans.recordServiceLevel(key.year(), key.accountId(), (String) serviceLevel.get("planDepth"),
        Boolean.TRUE.equals(serviceLevel.get("sponsorRequired")));
  }
}
