package com.kap.budget.process;

import com.kap.budget.Bids;
import com.kap.platform.forms.FormValues;
import com.kap.platform.forms.TaskCompletionListener;
import com.kap.platform.identity.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** When the KAM completes "Revise bid": store the revision (a new version of the bid), or withdraw the bid. */
@Component("reviseBid")
public class ReviseBidListener extends TaskCompletionListener {

  private final Bids bids;
  private final CurrentUser currentUser;

  public ReviseBidListener(Bids bids, CurrentUser currentUser) {
    this.bids = bids;
    this.currentUser = currentUser;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    execution.setVariables(bids.revise(execution.getProcessBusinessKey(), FormValues.of(execution),
        currentUser.idOrElse(null)));
  }
}
