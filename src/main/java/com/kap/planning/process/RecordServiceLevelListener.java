package com.kap.planning.process;

import com.kap.planning.AccountPlans;
import com.kap.planning.PlanFacts;
import com.kap.planning.RecordServiceLevel;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** After "Determine service level": keeps the DMN's plan depth and sponsor rule with the plan record. */
@Component("recordServiceLevel")
public class RecordServiceLevelListener implements ExecutionListener {

  private final AccountPlans plans;

  public RecordServiceLevelListener(AccountPlans plans) {
    this.plans = plans;
  }

  @Override
  public void notify(DelegateExecution execution) {
    // the decision's result, before the output mapping copies it into process variables
    Map<?, ?> serviceLevel = (Map<?, ?>) execution.getVariable("serviceLevel");
    plans.recordServiceLevel(new RecordServiceLevel(PlanFacts.PlanKey.of(execution),
        (String) serviceLevel.get("planDepth"), Boolean.TRUE.equals(serviceLevel.get("sponsorRequired"))));
  }
}
