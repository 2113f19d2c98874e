package com.kap.budget.process;

import com.kap.budget.internal.Bid;
import com.kap.budget.internal.BidContent;
import com.kap.budget.internal.BidDisplay;
import com.kap.budget.internal.BidFacts;
import com.kap.budget.internal.BidForm;
import com.kap.budget.internal.BidRepository;
import com.kap.budget.internal.BudgetAudit;
import com.kap.budget.internal.BudgetRound;
import com.kap.budget.internal.RequiredBidChoices;
import com.kap.platform.forms.FormValues;
import com.kap.platform.forms.InvalidFormData;
import com.kap.platform.forms.TaskCompletionListener;
import com.kap.platform.identity.CurrentUser;
import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** When the KAM completes "Revise bid": store the revision (a new version of the bid), or withdraw the bid. */
@Component("reviseBid")
public class ReviseBidListener extends TaskCompletionListener {

  public static final String REVISE = "revise";
  public static final String WITHDRAW = "withdraw";

  private final BidFacts facts;
  private final BidRepository bids;
  private final BidForm form;
  private final BudgetAudit audit;
  private final CurrentUser currentUser;
  private final Clock clock;
  private final RequiredBidChoices requiredBids;

  public ReviseBidListener(BidFacts facts, BidRepository bids, BidForm form, BudgetAudit audit,
      CurrentUser currentUser, Clock clock, RequiredBidChoices requiredBids) {
    this.requiredBids = requiredBids;
    this.facts = facts;
    this.bids = bids;
    this.form = form;
    this.audit = audit;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    Bid bid = facts.bid(execution);
    BudgetRound round = facts.round(bid);
    FormValues values = FormValues.of(execution);
    String action = values.choice("action", List.of(REVISE, WITHDRAW), true);
    if (!clock.instant().isBefore(round.callDeadline()) || bid.status() != Bid.Status.SUBMITTED) {
      throw new InvalidFormData("action", "the call of round " + round.id() + " closed at " + round.callDeadline()
          + "; the bid can no longer change");
    }
    String kam = currentUser.idOrElse(bid.kam());
    String before = BidDisplay.plain(bid);
    if (WITHDRAW.equals(action)) {
      String reason = values.text("withdrawReason", false, BidForm.LONG_TEXT);
      bids.updateStatus(bid.bidNo(), Bid.Status.WITHDRAWN, reason);
      audit.record(round.roundNo(), bid.bidNo(), BudgetAudit.Action.BID_WITHDRAWN, kam, before, null, reason);
      execution.setVariable("bidWithdrawn", true);
      requiredBids.refresh(bid.kam(), round.roundNo());
      return;
    }
    BidContent content = form.read(values, round, bid.bidNo());
    bids.revise(bid.bidNo(), content, clock.instant());
    Bid revised = bids.find(bid.bidNo()).orElseThrow();
    BidDisplay.show(execution, revised, round, facts.account(revised), null);
    audit.record(round.roundNo(), bid.bidNo(), BudgetAudit.Action.BID_REVISED, kam, before, BidDisplay.plain(revised),
        null);
    execution.setVariable("bidWithdrawn", false);
    requiredBids.refresh(bid.kam(), round.roundNo());
  }
}
