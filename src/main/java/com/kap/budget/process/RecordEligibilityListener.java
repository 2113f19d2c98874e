package com.kap.budget.process;

import com.kap.budget.internal.Bid;
import com.kap.budget.internal.BidFacts;
import com.kap.budget.internal.BidRepository;
import com.kap.budget.internal.BudgetAudit;
import com.kap.platform.notifications.Notifications;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Stores what bidEligibility decided; the KAM of an ineligible bid is told why. */
@Component("recordEligibility")
public class RecordEligibilityListener implements ExecutionListener {

  private final BidFacts facts;
  private final BidRepository bids;
  private final BudgetAudit audit;
  private final Notifications notifications;

  public RecordEligibilityListener(BidFacts facts, BidRepository bids, BudgetAudit audit,
      Notifications notifications) {
    this.facts = facts;
    this.bids = bids;
    this.audit = audit;
    this.notifications = notifications;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void notify(DelegateExecution execution) {
    Bid bid = facts.bid(execution);
    Map<String, Object> result = (Map<String, Object>) execution.getVariable("eligibility");
    boolean eligible = result != null && Boolean.TRUE.equals(result.get("eligible"));
    String reason = result == null ? "no rule of bidEligibility matched" : String.valueOf(result.get("reason"));
    bids.updateStatus(bid.bidNo(), eligible ? Bid.Status.ELIGIBLE : Bid.Status.INELIGIBLE, eligible ? null : reason);
    audit.record(bid.roundNo(), bid.bidNo(), BudgetAudit.Action.ELIGIBILITY, null, Bid.Status.SUBMITTED.name(),
        eligible ? Bid.Status.ELIGIBLE.name() : Bid.Status.INELIGIBLE.name(), reason);
    execution.setVariable("bidEligible", eligible);
    if (!eligible) {
      notifications.send(bid.kam(), "Bid " + bid.id() + " is not eligible: " + bid.content().title(),
          "Your bid " + bid.id() + " (" + bid.content().title() + ") in round " + facts.round(bid).name() + " (" + bid.roundId() + ")"
              + " is not eligible: " + reason + ".");
    }
  }
}
