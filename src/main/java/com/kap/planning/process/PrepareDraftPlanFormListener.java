package com.kap.planning.process;

import com.kap.planning.PlanFacts;
import com.kap.planning.internal.CycleRepository;
import com.kap.platform.forms.DisplayDates;
import com.kap.portfolio.AccountTeam;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.Spin;
import org.springframework.stereotype.Component;

/**
 * Creation of "Draft account plan": the people an action may be given to (the form's Owner picker) and the plan
 * deadline as people read dates.
 */
@Component("prepareDraftPlanForm")
public class PrepareDraftPlanFormListener implements TaskListener {

  private final PlanFacts facts;
  private final AccountTeam team;
  private final CycleRepository cycles;

  public PrepareDraftPlanFormListener(PlanFacts facts, AccountTeam team, CycleRepository cycles) {
    this.facts = facts;
    this.team = team;
    this.cycles = cycles;
  }

  @Override
  public void notify(DelegateTask task) {
    task.setVariableLocal("ownerOptions", Spin.JSON(team.options(facts.account(task.getExecution()))));
    cycles.find(facts.plan(task.getExecution()).year()).ifPresent(cycle ->
        task.setVariableLocal("planDeadlineText", DisplayDates.format(cycle.planDeadline())));
  }
}
