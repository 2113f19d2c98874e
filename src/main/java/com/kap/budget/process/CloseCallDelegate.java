package com.kap.budget.process;

import com.kap.budget.internal.Bid;
import com.kap.budget.internal.BidRepository;
import com.kap.budget.internal.BudgetRound;
import com.kap.budget.internal.BudgetRoundRepository;
import com.kap.budget.internal.RoundFacts;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * At the call deadline: every open bid of the round is told (message callClosed), which runs its eligibility check
 * and creates its scoring tasks in this transaction; then the round knows how many bids it waits for. The scope is
 * free again for the next round.
 */
@Component("closeCall")
public class CloseCallDelegate implements JavaDelegate {

  public static final String CALL_CLOSED = "callClosed";

  private final RoundFacts facts;
  private final BudgetRoundRepository rounds;
  private final BidRepository bids;

  public CloseCallDelegate(RoundFacts facts, BudgetRoundRepository rounds, BidRepository bids) {
    this.facts = facts;
    this.rounds = rounds;
    this.bids = bids;
  }

  @Override
  public void execute(DelegateExecution execution) {
    BudgetRound round = facts.round(execution);
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    for (Bid bid : bids.findByRoundAndStatus(round.roundNo(), Bid.Status.SUBMITTED)) {
      runtime.createMessageCorrelation(CALL_CLOSED).processInstanceBusinessKey(bid.id()).correlateAllWithResult();
    }
    int eligible = (int) bids.findByRound(round.roundNo()).stream()
        .filter(b -> b.status() == Bid.Status.ELIGIBLE || b.status() == Bid.Status.SCORED).count();
    rounds.releaseScope(round.roundNo());
    if (eligible == 0) {
      rounds.updateStatus(round.roundNo(), BudgetRound.Status.CLOSED);
    } else {
      rounds.startScoring(round.roundNo(), eligible);
    }
    execution.setVariable("eligibleBids", eligible);
  }
}
