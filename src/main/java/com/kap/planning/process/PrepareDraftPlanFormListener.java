package com.kap.planning.process;

import com.kap.platform.forms.ShownVariables;
import com.kap.planning.AccountPlans;
import com.kap.planning.DraftPlanForm;
import com.kap.planning.PlanDepth;
import com.kap.planning.PlanFacts;
import com.kap.platform.forms.DisplayDates;
import com.kap.platform.i18n.Texts;
import com.kap.platform.i18n.UserLocales;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * Creation of "Draft account plan": the people an action may be given to (the form's Owner picker), and in the
 * language of the task's assignee (the installation's when it has none) the plan deadline, the plan depth and the
 * quality gate's reasons ({@code qualityIssues}). A draft given to another KAM ({@code assignment}) has those texts
 * written again in the new assignee's language.
 */
@Component("prepareDraftPlanForm")
public class PrepareDraftPlanFormListener implements TaskListener {

  private final AccountPlans plans;
  private final UserLocales locales;
  private final Texts texts;

  public PrepareDraftPlanFormListener(AccountPlans plans, UserLocales locales, Texts texts) {
    this.plans = plans;
    this.locales = locales;
    this.texts = texts;
  }

  @Override
  public void notify(DelegateTask task) {
    Locale reader = locales.of(task.getAssignee());
    if (ShownVariables.alreadyShown(task, reader)) {
      return;
    }
    DraftPlanForm form = plans.draftForm(PlanFacts.PlanKey.of(task.getExecution()));
    if (!EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
      ShownVariables.setLocal(task, "ownerOptions", Spin.JSON(form.ownerOptions()));
    }
    form.cycle().ifPresent(cycle ->
        ShownVariables.setLocal(task, "planDeadlineText", DisplayDates.format(cycle.planDeadline(), reader)));
    if (task.getVariable("planDepth") instanceof String depth) {
      // a depth KAP does not know (a changed decision table) is shown as the table gives it
      ShownVariables.setLocal(task, "planDepthText", PlanDepth.byKey(depth)
          .map(known -> texts.text(reader, "planDepth." + known.key())).orElse(depth));
    }
    if (task.getVariable(CheckPlanQualityDelegate.ISSUES_BY_LANGUAGE) instanceof SpinJsonNode issues) {
      String language = reader.getLanguage();
      if (issues.hasProp(language) && issues.prop(language).isString()) {
        ShownVariables.setLocal(task, "qualityIssues", issues.prop(language).stringValue());
      }
    }
  }
}
