package com.kap.budget.process;

import com.kap.budget.internal.Bid;
import com.kap.budget.internal.BidRepository;
import com.kap.budget.internal.BudgetAudit;
import com.kap.budget.internal.BudgetRound;
import com.kap.budget.internal.BudgetRoundRepository;
import com.kap.budget.internal.RoundFacts;
import com.kap.platform.forms.Plural;
import com.kap.platform.notifications.Notifications;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** After the chair's decision: each bid process learns its outcome (message allocationPublished), each KAM by mail. */
@Component("publishAllocation")
public class PublishAllocationDelegate implements JavaDelegate {

  public static final String ALLOCATION_PUBLISHED = "allocationPublished";

  private final RoundFacts facts;
  private final BudgetRoundRepository rounds;
  private final BidRepository bids;
  private final BudgetAudit audit;
  private final Notifications notifications;

  public PublishAllocationDelegate(RoundFacts facts, BudgetRoundRepository rounds, BidRepository bids,
      BudgetAudit audit, Notifications notifications) {
    this.facts = facts;
    this.rounds = rounds;
    this.bids = bids;
    this.audit = audit;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    BudgetRound round = facts.round(execution);
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    String note = rounds.decisionNote(round.roundNo()).orElse(null);
    int funded = 0;
    for (Bid bid : bids.findByRound(round.roundNo())) {
      if (bid.status() != Bid.Status.FUNDED && bid.status() != Bid.Status.UNFUNDED) {
        continue;
      }
      boolean isFunded = bid.status() == Bid.Status.FUNDED;
      funded += isFunded ? 1 : 0;
      runtime.createMessageCorrelation(ALLOCATION_PUBLISHED).processInstanceBusinessKey(bid.id())
          .correlateAllWithResult();
      notifications.send(bid.kam(), "Bid " + bid.id() + (isFunded ? " funded: " : " not funded: ")
              + bid.content().title(),
          "Round " + round.name() + " decided: your bid " + bid.id() + " (" + bid.content().title() + ") is "
              + (isFunded ? "funded." : "not funded (" + bid.statusReason() + "). You may appeal in Tasklist.")
              + (note == null ? "" : "\n\nThe committee's note: " + note));
    }
    rounds.updateStatus(round.roundNo(), BudgetRound.Status.PUBLISHED);
    audit.record(round.roundNo(), null, BudgetAudit.Action.PUBLISHED, null, null, Plural.count(funded, "bid", "bids") + " funded", null);
  }
}
