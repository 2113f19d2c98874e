package com.kap.planning.process;

import com.kap.planning.CycleRegistered;
import com.kap.planning.PlanningCycles;
import com.kap.planning.RegisterCycle;
import com.kap.platform.forms.FormValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Register cycle", run in the starting transaction: registers the cycle of the start form's year (every problem
 * of the form refused at once), makes the year its business key and sets the moments of its timers. A refused start
 * leaves nothing behind.
 */
@Component("registerCycle")
public class RegisterCycleDelegate implements JavaDelegate {

  public static final int FIRST_YEAR = 2000;
  public static final int LAST_YEAR = 2199;

  private final PlanningCycles cycles;

  public RegisterCycleDelegate(PlanningCycles cycles) {
    this.cycles = cycles;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormValues values = FormValues.of(execution);
    CycleRegistered cycle = cycles.register(new RegisterCycle(execution.getProcessInstanceId(),
        () -> values.integer("year", FIRST_YEAR, LAST_YEAR), () -> values.date("planDeadline", true),
        () -> values.date("closingDate", true)));
    execution.setProcessBusinessKey(String.valueOf(cycle.year()));
    execution.setVariable("year", cycle.year());
    execution.setVariable("planDeadline", cycle.planDeadline().toString());
    execution.setVariable("closingDate", cycle.closingDate().toString());
    execution.setVariable("planDeadlineDue", cycle.planDeadlineDue());
    execution.setVariable("reminderDue", cycle.reminderDue());
    execution.setVariable("closingDue", cycle.closingDue());
  }
}
