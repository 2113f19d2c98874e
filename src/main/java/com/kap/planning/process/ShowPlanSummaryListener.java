package com.kap.planning.process;

import com.kap.platform.forms.ShownVariables;
import com.kap.planning.AccountPlans;
import com.kap.planning.PlanFacts;
import com.kap.planning.PlanForm;
import com.kap.platform.identity.TaskReaders;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Review plan as sponsor" and "Approve account plan", created or given to someone: the plan's summary
 * ({@code planSummary}, on the task) in the language of whoever the task is for ({@link TaskReaders}: the sponsor it
 * is assigned to, the programme director who holds it, else the language its candidates share, else the
 * installation's). The process keeps the English one "Check plan quality" wrote.
 */
@Component("showPlanSummary")
public class ShowPlanSummaryListener implements TaskListener {

  private final AccountPlans plans;
  private final TaskReaders readers;

  public ShowPlanSummaryListener(AccountPlans plans, TaskReaders readers) {
    this.plans = plans;
    this.readers = readers;
  }

  @Override
  public void notify(DelegateTask task) {
    Locale reader = readers.of(task);
    if (ShownVariables.alreadyShown(task, reader)) {
      return;
    }
    // a Json string, as the process's: a plan outgrows the 4,000 characters Camunda keeps in a plain string
    ShownVariables.setLocal(task, "planSummary", PlanForm.json(plans.summary(PlanFacts.PlanKey.of(task.getExecution()),
        reader)));
  }
}
