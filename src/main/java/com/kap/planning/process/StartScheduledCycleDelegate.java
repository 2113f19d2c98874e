package com.kap.planning.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** "Start annual planning cycle" for the yearly schedule, with the dates "Schedule next year's cycle" set. */
@Component("startScheduledCycle")
public class StartScheduledCycleDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    execution.getProcessEngineServices().getRuntimeService().startProcessInstanceByKey("annualPlanningCycle",
        Variables.createVariables()
            .putValue("year", execution.getVariable("year"))
            .putValue("planDeadline", execution.getVariable("planDeadline"))
            .putValue("closingDate", execution.getVariable("closingDate")));
  }
}
