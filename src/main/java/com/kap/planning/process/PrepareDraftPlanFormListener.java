package com.kap.planning.process;

import com.kap.planning.AccountPlans;
import com.kap.planning.DraftPlanForm;
import com.kap.planning.PlanFacts;
import com.kap.platform.forms.DisplayDates;
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

  private final AccountPlans plans;

  public PrepareDraftPlanFormListener(AccountPlans plans) {
    this.plans = plans;
  }

  @Override
  public void notify(DelegateTask task) {
    DraftPlanForm form = plans.draftForm(PlanFacts.PlanKey.of(task.getExecution()));
    task.setVariableLocal("ownerOptions", Spin.JSON(form.ownerOptions()));
    form.cycle().ifPresent(cycle ->
        task.setVariableLocal("planDeadlineText", DisplayDates.format(cycle.planDeadline())));
  }
}
