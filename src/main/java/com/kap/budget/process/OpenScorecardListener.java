package com.kap.budget.process;

import com.kap.budget.BidResults;
import com.kap.budget.Scorecards;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start of one member's "Score bid": declares the scorecard's fields on the member's own branch, so that what the
 * member submits stays there (and goes to KAP's table) instead of becoming a process variable that the other
 * members could read before they have scored themselves. The form also shows the KAM's track record: what their
 * past funded bids delivered against what they promised ({@link BidResults#trackRecord}), and the bid's summary in
 * the member's language.
 */
@Component("openScorecard")
public class OpenScorecardListener implements ExecutionListener {

  private final Scorecards scorecards;
  private final BidResults bidResults;

  public OpenScorecardListener(Scorecards scorecards, BidResults bidResults) {
    this.scorecards = scorecards;
    this.bidResults = bidResults;
  }

  @Override
  public void notify(DelegateExecution execution) {
    for (String field : scorecards.scorecardFields()) {
      execution.setVariableLocal(field, null);
    }
    execution.setVariableLocal("trackRecord", bidResults.trackRecord(execution.getProcessBusinessKey()));
    // the bid as this member reads it, in the member's language
    execution.setVariableLocal("bidSummary", scorecards.bidSummary(execution.getProcessBusinessKey(),
        (String) execution.getVariable("scorer")));
  }
}
