package com.kap.budget.process;

import com.kap.budget.internal.AppealRepository;
import com.kap.budget.internal.Bid;
import com.kap.budget.internal.BidFacts;
import com.kap.budget.internal.BidForm;
import com.kap.budget.internal.BudgetAudit;
import com.kap.platform.forms.FormValues;
import com.kap.platform.forms.TaskCompletionListener;
import com.kap.platform.identity.CurrentUser;
import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** When the KAM completes "Consider appeal": an appeal with its grounds, or the decision accepted. */
@Component("considerAppeal")
public class ConsiderAppealListener extends TaskCompletionListener {

  private final BidFacts facts;
  private final AppealRepository appeals;
  private final BudgetAudit audit;
  private final CurrentUser currentUser;
  private final Clock clock;

  public ConsiderAppealListener(BidFacts facts, AppealRepository appeals, BudgetAudit audit,
      CurrentUser currentUser, Clock clock) {
    this.facts = facts;
    this.appeals = appeals;
    this.audit = audit;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    Bid bid = facts.bid(execution);
    FormValues values = FormValues.of(execution);
    boolean appeal = "yes".equals(values.choice("appeal", List.of("yes", "no"), true));
    String grounds = values.text("appealGrounds", appeal, BidForm.LONG_TEXT);
    String kam = currentUser.idOrElse(bid.kam());
    if (appeal) {
      appeals.file(bid.bidNo(), grounds, clock.instant());
      audit.record(bid.roundNo(), bid.bidNo(), BudgetAudit.Action.APPEAL, kam, "not funded", "appealed", grounds);
    } else {
      audit.record(bid.roundNo(), bid.bidNo(), BudgetAudit.Action.APPEAL_NOT_MADE, kam, null, null, null);
    }
    execution.setVariable("appealed", appeal);
  }
}
