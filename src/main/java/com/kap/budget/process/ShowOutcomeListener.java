package com.kap.budget.process;

import com.kap.budget.Bids;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start of "Consider appeal" and "Review appeal": the decision, the reason and the scorecards (published now), and,
 * for the reviewer, the grounds and the reserve left ({@link Bids#outcome}), in the language of whoever the task is
 * for: the bid's KAM for "Consider appeal", the reviewers for "Review appeal" ({@link Bids#reviewersLocale}).
 */
@Component("showOutcome")
public class ShowOutcomeListener implements ExecutionListener {

  static final String REVIEW_APPEAL = "reviewAppeal";

  private final Bids bids;

  public ShowOutcomeListener(Bids bids) {
    this.bids = bids;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String bidId = execution.getProcessBusinessKey();
    Locale reader = REVIEW_APPEAL.equals(execution.getCurrentActivityId()) ? bids.reviewersLocale(bidId)
        : bids.kamLocale(bidId);
    execution.setVariables(bids.outcome(bidId, reader));
  }
}
