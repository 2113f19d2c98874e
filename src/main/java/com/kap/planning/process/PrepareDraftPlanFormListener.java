package com.kap.planning.process;

import com.kap.planning.AccountPlans;
import com.kap.planning.DraftPlanForm;
import com.kap.planning.PlanFacts;
import com.kap.platform.forms.DisplayDates;
import com.kap.platform.i18n.UserLocales;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * Creation of "Draft account plan": the people an action may be given to (the form's Owner picker), the plan
 * deadline as people read dates, and the quality gate's reasons ({@code qualityIssues}) in the language of the task's
 * assignee (the installation's when it has none).
 */
@Component("prepareDraftPlanForm")
public class PrepareDraftPlanFormListener implements TaskListener {

  private final AccountPlans plans;
  private final UserLocales locales;

  public PrepareDraftPlanFormListener(AccountPlans plans, UserLocales locales) {
    this.plans = plans;
    this.locales = locales;
  }

  @Override
  public void notify(DelegateTask task) {
    DraftPlanForm form = plans.draftForm(PlanFacts.PlanKey.of(task.getExecution()));
    task.setVariableLocal("ownerOptions", Spin.JSON(form.ownerOptions()));
    form.cycle().ifPresent(cycle ->
        task.setVariableLocal("planDeadlineText", DisplayDates.format(cycle.planDeadline())));
    if (task.getVariable(CheckPlanQualityDelegate.ISSUES_BY_LANGUAGE) instanceof SpinJsonNode issues) {
      String language = locales.of(task.getAssignee()).getLanguage();
      if (issues.hasProp(language) && issues.prop(language).isString()) {
        task.setVariableLocal("qualityIssues", issues.prop(language).stringValue());
      }
    }
  }
}
