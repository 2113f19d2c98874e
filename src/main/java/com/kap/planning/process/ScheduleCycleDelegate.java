package com.kap.planning.process;

import com.kap.planning.NextCycle;
import com.kap.planning.PlanningCycles;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Schedule next year's cycle", after the yearly timer: the cycle is for next year, with the configured plan
 * deadline and closing date. When the programme director already started that year by hand, the scheduled start
 * simply ends.
 */
@Component("scheduleCycle")
public class ScheduleCycleDelegate implements JavaDelegate {

  private final PlanningCycles cycles;

  public ScheduleCycleDelegate(PlanningCycles cycles) {
    this.cycles = cycles;
  }

  @Override
  public void execute(DelegateExecution execution) {
    NextCycle next = cycles.nextCycle();
    execution.setVariable("year", next.year());
    execution.setVariable("planDeadline", next.planDeadline().toString());
    execution.setVariable("closingDate", next.closingDate().toString());
    execution.setVariable("cycleAlreadyStarted", next.alreadyStarted());
  }
}
