package com.kap.budget.process;

import com.kap.budget.Bids;
import com.kap.platform.forms.FormValues;
import com.kap.platform.identity.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * First step of an investment bid: the KAM's bid is checked on the server and entered into the open round of the
 * account's region (or the global round) with {@link Bids#register}. Its id becomes the business key.
 */
@Component("registerBid")
public class RegisterBidDelegate implements JavaDelegate {

  private final Bids bids;
  private final CurrentUser currentUser;

  public RegisterBidDelegate(Bids bids, CurrentUser currentUser) {
    this.bids = bids;
    this.currentUser = currentUser;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Bids.BidRegistered registered = bids.register(FormValues.of(execution), currentUser.idOrElse(null),
        execution.getProcessInstanceId());
    execution.setProcessBusinessKey(registered.bidId());
    execution.setVariables(registered.variables());
  }
}
