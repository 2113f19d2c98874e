package com.kap.budget.process;

import com.kap.budget.internal.Bid;
import com.kap.budget.internal.BidFacts;
import com.kap.budget.internal.BidRepository;
import com.kap.budget.internal.BidScores;
import com.kap.budget.internal.BudgetAudit;
import com.kap.budget.internal.BudgetRound;
import com.kap.budget.internal.BudgetRoundRepository;
import com.kap.budget.internal.ScoreRepository;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * After scoring (and calibration): the bid's benefit, the weighted score the optimiser maximises. The round goes on
 * to its allocation once its last bid is scored.
 */
@Component("computeBenefit")
public class ComputeBenefitDelegate implements JavaDelegate {

  public static final String ALL_BIDS_SCORED = "allBidsScored";

  private final BidFacts facts;
  private final ScoreRepository scores;
  private final BudgetRoundRepository rounds;
  private final BidRepository bids;
  private final BudgetAudit audit;

  public ComputeBenefitDelegate(BidFacts facts, ScoreRepository scores, BudgetRoundRepository rounds,
      BidRepository bids, BudgetAudit audit) {
    this.facts = facts;
    this.scores = scores;
    this.rounds = rounds;
    this.bids = bids;
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Bid bid = facts.bid(execution);
    if (bid.status() != Bid.Status.ELIGIBLE) {
      return; // a retried job: counted already
    }
    BigDecimal benefit = BidScores.of(scores.scorecards(bid.bidNo()), scores.calibrations(bid.bidNo())).benefit();
    bids.recordBenefit(bid.bidNo(), benefit);
    audit.record(bid.roundNo(), bid.bidNo(), BudgetAudit.Action.BENEFIT, null, null, benefit.toPlainString(), null);
    execution.setVariable("benefit", benefit.doubleValue());
    int scored = rounds.countScored(bid.roundNo());
    BudgetRound round = facts.round(bid);
    if (round.status() == BudgetRound.Status.SCORING && scored >= round.bidsToScore()) {
      execution.getProcessEngineServices().getRuntimeService().createMessageCorrelation(ALL_BIDS_SCORED)
          .processInstanceBusinessKey(round.id()).correlateAllWithResult();
    }
  }
}
