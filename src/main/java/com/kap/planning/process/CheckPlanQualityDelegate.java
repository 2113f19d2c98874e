package com.kap.planning.process;

import com.kap.planning.AccountPlans;
import com.kap.planning.PlanFacts;
import com.kap.planning.PlanForm;
import com.kap.planning.PlanSubmitted;
import com.kap.planning.SubmitPlan;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Check plan quality": stores the submission as a new plan version and applies the quality gate. A plan that
 * misses the bar goes back to the KAM with the reasons ({@code qualityIssues}, shown in the draft form).
 */
@Component("checkPlanQuality")
public class CheckPlanQualityDelegate implements JavaDelegate {

  private final AccountPlans plans;

  public CheckPlanQualityDelegate(AccountPlans plans) {
    this.plans = plans;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PlanSubmitted submitted = plans.submit(new SubmitPlan(PlanFacts.PlanKey.of(execution),
        PlanForm.read(execution)));
    List<String> issues = submitted.qualityIssues();
    // shown in the forms; the delegates read it from the database
    execution.setVariable("planVersion", submitted.version());
    execution.setVariable("qualityPassed", submitted.qualityPassed());
    execution.setVariable("qualityIssues", issues.isEmpty() ? null : "- " + String.join("\n- ", issues));
    if (submitted.qualityPassed()) {
      // a Json string: plans outgrow the 4,000 characters Camunda keeps in a plain string
      execution.setVariable("planSummary", PlanForm.json(submitted.summary()));
      // the next reviews start blank: a comment of an earlier round must not count for this version
      for (String earlier : List.of("decision", "approverComments", "sponsorComments", "touchpointCommitments")) {
        execution.setVariable(earlier, null);
      }
    }
  }
}
