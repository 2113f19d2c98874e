package com.kap.budget.process;

import com.kap.budget.BidResults;
import com.kap.platform.forms.FormValues;
import com.kap.platform.forms.TaskCompletionListener;
import com.kap.platform.identity.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** When the KAM completes "Report bid results": checked and stored in KAP's tables ({@link BidResults#record}). */
@Component("recordBidResult")
public class RecordBidResultListener extends TaskCompletionListener {

  private final BidResults results;
  private final CurrentUser currentUser;

  public RecordBidResultListener(BidResults results, CurrentUser currentUser) {
    this.results = results;
    this.currentUser = currentUser;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    results.record(execution.getProcessBusinessKey(), FormValues.of(execution), currentUser.idOrElse(null));
  }
}
