package com.kap.budget.process;

import com.kap.budget.internal.Bid;
import com.kap.budget.internal.BidContent;
import com.kap.budget.internal.BidDisplay;
import com.kap.budget.internal.BidForm;
import com.kap.budget.internal.BidRepository;
import com.kap.budget.internal.BudgetAudit;
import com.kap.budget.internal.BudgetRound;
import com.kap.budget.internal.BudgetRoundRepository;
import com.kap.budget.internal.RequiredBidChoices;
import com.kap.planning.CycleCalendar;
import com.kap.platform.forms.FormValues;
import com.kap.platform.forms.InvalidFormData;
import com.kap.platform.identity.CurrentUser;
import com.kap.portfolio.Account;
import com.kap.portfolio.Portfolio;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * First step of an investment bid: checks the KAM's bid on the server, and enters it into the open round of the
 * account's region (or the global round). Its id becomes the business key.
 */
@Component("registerBid")
public class RegisterBidDelegate implements JavaDelegate {

  private final BidRepository bids;
  private final BudgetRoundRepository rounds;
  private final Portfolio accounts;
  private final BidForm form;
  private final BudgetAudit audit;
  private final CycleCalendar calendar;
  private final CurrentUser currentUser;
  private final Clock clock;
  private final RequiredBidChoices requiredBids;

  public RegisterBidDelegate(BidRepository bids, BudgetRoundRepository rounds, Portfolio accounts,
      BidForm form, BudgetAudit audit, CycleCalendar calendar, CurrentUser currentUser, Clock clock,
      RequiredBidChoices requiredBids) {
    this.requiredBids = requiredBids;
    this.calendar = calendar;
    this.bids = bids;
    this.rounds = rounds;
    this.accounts = accounts;
    this.form = form;
    this.audit = audit;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormValues values = FormValues.of(execution);
    String accountId = values.text("accountId", true, 64);
    String kam = currentUser.idOrElse(null);
    Account account = accounts.account(accountId)
        .filter(a -> a.kam().equals(kam))
        .orElseThrow(() -> new InvalidFormData("accountId", "'" + accountId + "' is not one of your accounts"));
    BudgetRound round = rounds.openRoundFor(account.region())
        .filter(r -> r.callDeadline().isAfter(clock.instant()))
        .orElseThrow(() -> new InvalidFormData("accountId", "no budget round is open for region "
            + account.region() + " (nor a global one)"));
    BidContent content = form.read(values, round, null);
    long bidNo = bids.insert(round.roundNo(), accountId, kam, content, execution.getProcessInstanceId(),
        clock.instant());
    Bid bid = bids.find(bidNo).orElseThrow();
    execution.setProcessBusinessKey(bid.id());
    execution.setVariable("callDeadline", round.callDeadlineText(calendar.properties().timeZone()));
    execution.setVariable("year", round.planYear());
    BidDisplay.show(execution, bid, round, account, null);
    audit.record(round.roundNo(), bidNo, BudgetAudit.Action.BID_SUBMITTED, kam, null, BidDisplay.plain(bid), null);
    requiredBids.refresh(kam, round.roundNo());
  }
}
