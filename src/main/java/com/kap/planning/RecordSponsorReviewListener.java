package com.kap.planning;

import com.kap.forms.FormValues;
import com.kap.identity.CurrentUserId;
import com.kap.forms.TaskCompletionListener;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** When the sponsor completes "Review plan as sponsor": comments are required, touchpoint commitments optional. */
@Component("recordSponsorReview")
public class RecordSponsorReviewListener extends TaskCompletionListener {

  private final AccountPlanRepository plans;
  private final CurrentUserId currentUser;

  public RecordSponsorReviewListener(AccountPlanRepository plans, CurrentUserId currentUser) {
    this.plans = plans;
    this.currentUser = currentUser;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    FormValues values = FormValues.of(execution);
    String comments = values.text("sponsorComments", true, PlanForm.LONG_TEXT);
    String touchpoints = values.text("touchpointCommitments", false, PlanForm.LONG_TEXT);
    plans.recordSponsorReview(((Number) execution.getVariable("year")).intValue(),
        (String) execution.getVariable("accountId"), ((Number) execution.getVariable("planVersion")).intValue(),
        comments, touchpoints, currentUser.orElse((String) execution.getVariable("sponsor")));
  }
}
