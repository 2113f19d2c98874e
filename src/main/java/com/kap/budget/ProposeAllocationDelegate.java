package com.kap.budget;

import com.kap.portfolio.AccountRepository;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Once every eligible bid is scored: the optimiser's exact proposal within envelope − reserve, stored for the chair
 * and shown in "Decide allocation" with the reason for every unfunded bid and the benefit at ±10 % budget.
 */
@Component("proposeAllocation")
public class ProposeAllocationDelegate implements JavaDelegate {

  private final RoundFacts facts;
  private final BudgetRoundRepository rounds;
  private final BidRepository bids;
  private final AllocationOptimiser optimiser;
  private final BudgetAudit audit;
  private final AccountRepository accounts;

  public ProposeAllocationDelegate(RoundFacts facts, BudgetRoundRepository rounds, BidRepository bids,
      AllocationOptimiser optimiser, BudgetAudit audit, AccountRepository accounts) {
    this.accounts = accounts;
    this.facts = facts;
    this.rounds = rounds;
    this.bids = bids;
    this.optimiser = optimiser;
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    BudgetRound round = facts.round(execution);
    List<Bid> roundBids = bids.findByRound(round.roundNo());
    Recommendation recommendation = recommend(round, roundBids);
    rounds.saveRecommendation(round.roundNo(), recommendation);
    AllocationResult result = recommendation.result();
    audit.record(round.roundNo(), null, BudgetAudit.Action.RECOMMENDATION, null, null,
        "fund " + result.funded() + " · cost " + result.totalCost() + " · benefit "
            + result.totalBenefit().toPlainString() + (result.optimal() ? " · proven optimal" : " · not proven optimal"),
        recommendation.warning());
    AllocationView.show(execution, round, roundBids, accountId -> accounts.findById(accountId)
        .map(account -> account.name()).orElse(accountId), recommendation);
  }

  Recommendation recommend(BudgetRound round, List<Bid> roundBids) {
    try {
      return new Recommendation(optimiser.solve(problem(round, roundBids, true)), null);
    } catch (AllocationInfeasible e) {
      return new Recommendation(optimiser.solve(problem(round, roundBids, false)),
          "The must-fund bids cannot all be funded (" + e.getMessage() + "). This proposal ignores must-fund; "
              + "fund them by override, drawing on the reserve where needed.");
    }
  }

  private static AllocationProblem problem(BudgetRound round, List<Bid> roundBids, boolean honourMustFund) {
    List<AllocationBid> candidates = new ArrayList<>();
    for (Bid bid : roundBids) {
      boolean eligible = bid.status() == Bid.Status.SCORED;
      BidContent content = bid.content();
      candidates.add(new AllocationBid(bid.id(), content.cost(),
          bid.benefit() == null ? java.math.BigDecimal.ZERO : bid.benefit(),
          honourMustFund && eligible && content.mustFund(), content.exclusiveGroup(),
          content.requiresBid() == null ? List.of() : List.of(BudgetIds.bid(content.requiresBid())), null, eligible));
    }
    Map<String, Long> noRegionMinimum = new LinkedHashMap<>();
    return new AllocationProblem(round.envelope(), round.reserve(), candidates, noRegionMinimum);
  }
}
