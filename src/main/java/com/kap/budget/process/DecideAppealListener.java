package com.kap.budget.process;

import com.kap.budget.internal.AppealRepository;
import com.kap.budget.internal.Bid;
import com.kap.budget.internal.BidFacts;
import com.kap.budget.internal.BidForm;
import com.kap.budget.internal.BidRepository;
import com.kap.budget.internal.BudgetAudit;
import com.kap.budget.internal.BudgetRoundRepository;
import com.kap.platform.forms.FormValues;
import com.kap.platform.forms.InvalidFormData;
import com.kap.platform.forms.TaskCompletionListener;
import com.kap.platform.identity.CurrentUser;
import com.kap.platform.notifications.Notifications;
import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * When a global committee member completes "Review appeal": upheld (the bid is funded from the round's reserve) or
 * rejected, with reasons the KAM receives.
 */
@Component("decideAppeal")
public class DecideAppealListener extends TaskCompletionListener {

  public static final String UPHOLD = "uphold";
  public static final String REJECT = "reject";

  private final BidFacts facts;
  private final BidRepository bids;
  private final BudgetRoundRepository rounds;
  private final AppealRepository appeals;
  private final BudgetAudit audit;
  private final Notifications notifications;
  private final CurrentUser currentUser;
  private final Clock clock;

  public DecideAppealListener(BidFacts facts, BidRepository bids, BudgetRoundRepository rounds,
      AppealRepository appeals, BudgetAudit audit, Notifications notifications, CurrentUser currentUser,
      Clock clock) {
    this.facts = facts;
    this.bids = bids;
    this.rounds = rounds;
    this.appeals = appeals;
    this.audit = audit;
    this.notifications = notifications;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    Bid bid = facts.bid(execution);
    String reviewer = currentUser.idOrElse(null);
    List<String> reviewers = facts.appealReviewers(execution);
    if (reviewer != null && !reviewers.isEmpty() && !reviewers.contains(reviewer)) {
      throw new InvalidFormData("appealDecision", reviewer + " sat on the deciding committee or sponsors the account;"
          + " the appeal goes to one of " + reviewers);
    }
    FormValues values = FormValues.of(execution);
    boolean upheld = UPHOLD.equals(values.choice("appealDecision", List.of(UPHOLD, REJECT), true));
    String response = values.text("appealResponse", true, BidForm.LONG_TEXT);
    if (upheld) {
      long cost = bid.content().cost();
      if (!rounds.drawReserve(bid.roundNo(), cost)) {
        throw new InvalidFormData("appealDecision", "the round's reserve has " + facts.round(bid).reserveLeft()
            + " left, less than the bid's cost of " + cost + ": the appeal cannot be upheld with funding");
      }
      bids.fundFromReserve(bid.bidNo(), "appeal upheld: " + response);
    }
    appeals.decide(bid.bidNo(), upheld ? "UPHELD" : "REJECTED", response, reviewer, clock.instant());
    audit.record(bid.roundNo(), bid.bidNo(), BudgetAudit.Action.APPEAL_DECISION, reviewer, "not funded",
        upheld ? "funded from the reserve" : "not funded", response);
    notifications.send(bid.kam(), "Appeal of bid " + bid.id() + (upheld ? " upheld" : " rejected"),
        "Your appeal of bid " + bid.id() + " (" + bid.content().title() + ") was " + (upheld
            ? "upheld: the bid is funded from the round's reserve." : "rejected.") + "\n\n" + response);
  }
}
