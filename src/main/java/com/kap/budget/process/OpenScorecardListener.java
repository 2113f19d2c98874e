package com.kap.budget.process;

import com.kap.budget.internal.ScoreCriterion;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start of one member's "Score bid": declares the scorecard's fields on the member's own branch, so that what the
 * member submits stays there (and goes to KAP's table) instead of becoming a process variable that the other
 * members could read before they have scored themselves.
 */
@Component("openScorecard")
public class OpenScorecardListener implements ExecutionListener {

  public static final String COMMENT = "scoreComment";

  @Override
  public void notify(DelegateExecution execution) {
    for (ScoreCriterion criterion : ScoreCriterion.values()) {
      execution.setVariableLocal(criterion.scoreField(), null);
    }
    execution.setVariableLocal(COMMENT, null);
  }
}
