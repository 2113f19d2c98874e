package com.kap.budget.process;

import com.kap.budget.Bids;
import com.kap.platform.forms.FormValues;
import com.kap.platform.forms.TaskCompletionListener;
import com.kap.platform.identity.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** When the KAM completes "Consider appeal": an appeal with its grounds, or the decision accepted. */
@Component("considerAppeal")
public class ConsiderAppealListener extends TaskCompletionListener {

  private final Bids bids;
  private final CurrentUser currentUser;

  public ConsiderAppealListener(Bids bids, CurrentUser currentUser) {
    this.bids = bids;
    this.currentUser = currentUser;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    execution.setVariable("appealed", bids.considerAppeal(execution.getProcessBusinessKey(),
        FormValues.of(execution), currentUser.idOrElse(null)));
  }
}
