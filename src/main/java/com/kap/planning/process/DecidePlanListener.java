package com.kap.planning.process;

import com.kap.planning.AccountPlan;
import com.kap.planning.PlanFacts;
import com.kap.planning.internal.AccountPlanRepository;
import com.kap.planning.internal.PlanForm;
import com.kap.platform.forms.FormValues;
import com.kap.platform.forms.InvalidFormData;
import com.kap.platform.forms.TaskCompletionListener;
import com.kap.platform.identity.CurrentUser;
import com.kap.platform.notifications.Notifications;
import com.kap.platform.operations.BusinessMetrics;
import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * When the programme director completes "Approve account plan": approve, or send back with comments the KAM sees
 * in the rework. The decision is stored with the version it judged, and the KAM is told. Whether it was the cycle's
 * last plan is asked after this commits ({@link CountPlanApprovalListener}), so approvals do not wait for each other.
 */
@Component("decidePlan")
public class DecidePlanListener extends TaskCompletionListener {

  private static final Logger LOG = LoggerFactory.getLogger(DecidePlanListener.class);

  public static final String APPROVE = "approve";
  public static final String SEND_BACK = "sendBack";

  private final AccountPlanRepository plans;
  private final PlanFacts facts;
  private final CurrentUser currentUser;
  private final Notifications notifications;
  private final Clock clock;
  private final BusinessMetrics metrics;

  public DecidePlanListener(AccountPlanRepository plans, PlanFacts facts, CurrentUser currentUser,
      Notifications notifications, Clock clock, BusinessMetrics metrics) {
    this.plans = plans;
    this.facts = facts;
    this.currentUser = currentUser;
    this.notifications = notifications;
    this.clock = clock;
    this.metrics = metrics;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    FormValues values = FormValues.of(execution);
    String decision = values.choice("decision", List.of(APPROVE, SEND_BACK), true);
    String comments = values.text("approverComments", false, PlanForm.LONG_TEXT);
    if (SEND_BACK.equals(decision) && comments == null) {
      throw new InvalidFormData("approverComments", "is required when the plan is sent back: tell the KAM what to change");
    }
    AccountPlan plan = facts.plan(execution);
    int year = plan.year();
    String accountId = plan.accountId();
    int version = plans.latestVersion(year, accountId);
    String decidedBy = currentUser.idOrElse(null);
    plans.recordDecision(year, accountId, version, decision, comments, decidedBy, clock.instant());
    boolean approved = APPROVE.equals(decision);
    LOG.info("Plan version {} {} by {}", version, approved ? "approved" : "sent back", decidedBy);
    if (approved) {
      plans.approve(year, accountId, version, clock.instant());
      metrics.planApproved();
    } else {
      plans.updateStatus(year, accountId, AccountPlan.Status.DRAFTING);
    }
    execution.setVariable("planApproved", approved);
    String account = facts.account(execution).name() + " (" + accountId + ")";
    notifications.send(plan.kam(),
        approved ? "Account plan " + year + " approved: " + account : "Account plan " + year + " sent back: " + account,
        approved ? "Your " + year + " plan for " + account + " is approved." + (comments == null ? "" : "\n\n" + comments)
            : "Your " + year + " plan for " + account + " needs rework:\n\n" + comments);
  }
}
