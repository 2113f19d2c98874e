package com.kap.planning.process;

import com.kap.planning.AccountPlan;
import com.kap.planning.PlanContent;
import com.kap.planning.PlanFacts;
import com.kap.planning.internal.AccountPlanRepository;
import com.kap.planning.internal.PlanForm;
import com.kap.planning.internal.PlanQualityGate;
import com.kap.planning.internal.PlanSummary;
import com.kap.platform.identity.CurrentUser;
import java.time.Clock;
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

  private final AccountPlanRepository plans;
  private final PlanFacts facts;
  private final CurrentUser currentUser;
  private final Clock clock;

  public CheckPlanQualityDelegate(AccountPlanRepository plans, PlanFacts facts, CurrentUser currentUser,
      Clock clock) {
    this.plans = plans;
    this.facts = facts;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AccountPlan plan = facts.plan(execution);
    int year = plan.year();
    String accountId = plan.accountId();
    PlanContent content = PlanForm.read(execution);
    List<String> issues = PlanQualityGate.issues(content, facts.planDepth(plan));
    String submittedBy = currentUser.idOrElse(plan.kam());
    int version = plans.addVersion(year, accountId, submittedBy, clock.instant(), content, issues);
    if (issues.isEmpty()) {
      plans.updateStatus(year, accountId, AccountPlan.Status.IN_REVIEW);
    }
    execution.setVariable("planVersion", version); // shown in the forms; the delegates read it from the database
    execution.setVariable("qualityPassed", issues.isEmpty());
    execution.setVariable("qualityIssues", issues.isEmpty() ? null : "- " + String.join("\n- ", issues));
    if (issues.isEmpty()) {
      // a Json string: plans outgrow the 4,000 characters Camunda keeps in a plain string
      execution.setVariable("planSummary", PlanForm.json(PlanSummary.markdown(content)));
      // the next reviews start blank: a comment of an earlier round must not count for this version
      for (String earlier : List.of("decision", "approverComments", "sponsorComments", "touchpointCommitments")) {
        execution.setVariable(earlier, null);
      }
    }
  }
}
