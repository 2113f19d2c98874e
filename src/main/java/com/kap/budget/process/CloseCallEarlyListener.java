package com.kap.budget.process;

import com.kap.budget.internal.BidForm;
import com.kap.budget.internal.BudgetAudit;
import com.kap.budget.internal.BudgetRound;
import com.kap.budget.internal.RoundFacts;
import com.kap.platform.forms.FormValues;
import com.kap.platform.forms.TaskCompletionListener;
import com.kap.platform.identity.CurrentUser;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * When the chair completes "Close the call early": the reason is required, and only the round's chair (from KAP's
 * tables, never from a variable) may close the call; who closed it and why go to the round's audit trail. The round
 * then closes the call by the same step as at the deadline.
 */
@Component("closeCallEarly")
public class CloseCallEarlyListener extends TaskCompletionListener {

  private final RoundFacts facts;
  private final BudgetAudit audit;
  private final CurrentUser currentUser;

  public CloseCallEarlyListener(RoundFacts facts, BudgetAudit audit, CurrentUser currentUser) {
    this.facts = facts;
    this.audit = audit;
    this.currentUser = currentUser;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    BudgetRound round = facts.round(execution);
    String user = currentUser.idOrElse(round.chair());
    if (!round.chair().equals(user)) {
      // an administrator may reassign the task; the call is still the chair's to close
      throw new AuthorizationException("only the chair of round " + round.id() + " (" + round.chair()
          + ") may close its call early, not " + user);
    }
    String reason = FormValues.of(execution).text("closeReason", true, BidForm.LONG_TEXT);
    audit.record(round.roundNo(), null, BudgetAudit.Action.CALL_CLOSED_EARLY, user, "call open until "
        + round.callDeadline(), "call closed", reason);
  }
}
