package com.kap.planning.process;

import com.kap.planning.AccountPlans;
import com.kap.planning.DecidePlan;
import com.kap.planning.PlanDecided;
import com.kap.planning.PlanFacts;
import com.kap.planning.PlanForm;
import com.kap.platform.forms.FormValues;
import com.kap.platform.forms.TaskCompletionListener;
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

  private final AccountPlans plans;

  public DecidePlanListener(AccountPlans plans) {
    this.plans = plans;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    FormValues values = FormValues.of(execution);
    String decision = values.choice("decision", List.of(DecidePlan.APPROVE, DecidePlan.SEND_BACK), true);
    String comments = values.text("approverComments", false, PlanForm.LONG_TEXT);
    PlanDecided decided = plans.decide(new DecidePlan(PlanFacts.PlanKey.of(execution), decision, comments));
    LOG.info("Plan version {} {} by {}", decided.version(), decided.approved() ? "approved" : "sent back",
        decided.decidedBy());
    execution.setVariable("planApproved", decided.approved());
  }
}
