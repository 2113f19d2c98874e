package com.kap.budget.process;

import com.kap.budget.Scorecards;
import com.kap.platform.forms.FormValues;
import com.kap.platform.forms.TaskCompletionListener;
import com.kap.platform.identity.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** When a member completes "Score bid": checks and stores the scorecard under the member who submitted it. */
@Component("recordScore")
public class RecordScoreListener extends TaskCompletionListener {

  private final Scorecards scorecards;
  private final CurrentUser currentUser;

  public RecordScoreListener(Scorecards scorecards, CurrentUser currentUser) {
    this.scorecards = scorecards;
    this.currentUser = currentUser;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    // the submitting user, not the branch's "scorer" variable, which a submission could overwrite
    String member = currentUser.idOrElse((String) execution.getVariableLocal("scorer"));
    scorecards.record(execution.getProcessBusinessKey(), member, FormValues.of(execution));
  }
}
