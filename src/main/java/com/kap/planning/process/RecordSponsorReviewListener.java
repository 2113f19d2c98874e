package com.kap.planning.process;

import com.kap.planning.AccountPlans;
import com.kap.planning.PlanFacts;
import com.kap.planning.PlanForm;
import com.kap.planning.RecordSponsorReview;
import com.kap.platform.forms.FormValues;
import com.kap.platform.forms.TaskCompletionListener;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** When the sponsor completes "Review plan as sponsor": comments are required, touchpoint commitments optional. */
@Component("recordSponsorReview")
public class RecordSponsorReviewListener extends TaskCompletionListener {

  private final AccountPlans plans;

  public RecordSponsorReviewListener(AccountPlans plans) {
    this.plans = plans;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    FormValues values = FormValues.of(execution);
    String comments = values.text("sponsorComments", true, PlanForm.LONG_TEXT);
    String touchpoints = values.text("touchpointCommitments", false, PlanForm.LONG_TEXT);
    plans.recordSponsorReview(new RecordSponsorReview(PlanFacts.PlanKey.of(execution), comments, touchpoints));
  }
}
