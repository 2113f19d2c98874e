package com.kap.planning.process;

import com.kap.planning.AccountPlans;
import com.kap.planning.PlanFacts;
import com.kap.planning.PlanForm;
import com.kap.planning.PlanSubmitted;
import com.kap.planning.SubmitPlan;
import com.kap.platform.i18n.UserLocales;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Check plan quality": stores the submission as a new plan version and applies the quality gate. A plan that
 * misses the bar goes back to the KAM with the reasons ({@code qualityIssues}, shown in the draft form).
 */
@Component("checkPlanQuality")
public class CheckPlanQualityDelegate implements JavaDelegate {

  /** The quality issues' text in each language KAP speaks, by language tag: a Json variable. */
  public static final String ISSUES_BY_LANGUAGE = "qualityIssuesByLanguage";

  private final AccountPlans plans;

  public CheckPlanQualityDelegate(AccountPlans plans) {
    this.plans = plans;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PlanSubmitted submitted = plans.submit(new SubmitPlan(PlanFacts.PlanKey.of(execution),
        PlanForm.read(execution)));
    // shown in the forms; the delegates read it from the database
    execution.setVariable("planVersion", submitted.version());
    execution.setVariable("qualityPassed", submitted.qualityPassed());
    setOrClear(execution, "qualityIssues", submitted.qualityIssuesText(Locale.ENGLISH));
    // the draft form shows them in its assignee's language (PrepareDraftPlanFormListener)
    Map<String, String> inEveryLanguage = new LinkedHashMap<>();
    UserLocales.SUPPORTED.forEach(language -> inEveryLanguage.put(language.getLanguage(),
        submitted.qualityIssuesText(language)));
    setOrClear(execution, ISSUES_BY_LANGUAGE, submitted.qualityPassed() ? null : PlanForm.json(inEveryLanguage));
    if (submitted.qualityPassed()) {
      // a Json string: plans outgrow the 4,000 characters Camunda keeps in a plain string
      execution.setVariable("planSummary", PlanForm.json(submitted.summary()));
      // the next reviews start blank: a comment of an earlier round must not count for this version
      for (String earlier : List.of("decision", "approverComments", "sponsorComments", "touchpointCommitments")) {
        setOrClear(execution, earlier, null);
      }
    }
  }

  /**
   * Sets the value; an empty one only clears a variable that is there. A variable never written reads as empty in
   * the forms and here alike, and creating it empty cost a row, its history and its detail.
   */
  private static void setOrClear(DelegateExecution execution, String name, Object value) {
    if (value != null || execution.hasVariable(name)) {
      execution.setVariable(name, value);
    }
  }
}
