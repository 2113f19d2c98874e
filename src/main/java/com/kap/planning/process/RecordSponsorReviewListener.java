package com.kap.planning.process;

import com.kap.planning.PlanFacts;
import com.kap.planning.internal.AccountPlanRepository;
import com.kap.planning.internal.PlanForm;
import com.kap.platform.forms.FormValues;
import com.kap.platform.forms.TaskCompletionListener;
import com.kap.platform.identity.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** When the sponsor completes "Review plan as sponsor": comments are required, touchpoint commitments optional. */
@Component("recordSponsorReview")
public class RecordSponsorReviewListener extends TaskCompletionListener {

  private final AccountPlanRepository plans;
  private final PlanFacts facts;
  private final CurrentUser currentUser;

  public RecordSponsorReviewListener(AccountPlanRepository plans, PlanFacts facts, CurrentUser currentUser) {
    this.plans = plans;
    this.facts = facts;
    this.currentUser = currentUser;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    FormValues values = FormValues.of(execution);
    String comments = values.text("sponsorComments", true, PlanForm.LONG_TEXT);
    String touchpoints = values.text("touchpointCommitments", false, PlanForm.LONG_TEXT);
    PlanFacts.PlanKey key = PlanFacts.PlanKey.of(execution);
    plans.recordSponsorReview(key.year(), key.accountId(), plans.latestVersion(key.year(), key.accountId()),
        comments, touchpoints, currentUser.idOrElse(facts.sponsor(execution)));
  }
}
