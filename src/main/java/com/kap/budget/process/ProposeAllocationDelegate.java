package com.kap.budget.process;

import com.kap.budget.AllocationBid;
import com.kap.budget.AllocationInfeasible;
import com.kap.budget.AllocationOptimiser;
import com.kap.budget.AllocationProblem;
import com.kap.budget.AllocationResult;
import com.kap.budget.internal.AllocationView;
import com.kap.budget.internal.Bid;
import com.kap.budget.internal.BidContent;
import com.kap.budget.internal.BidRepository;
import com.kap.budget.internal.BudgetAudit;
import com.kap.budget.internal.BudgetIds;
import com.kap.budget.internal.BudgetRound;
import com.kap.budget.internal.BudgetRoundRepository;
import com.kap.budget.internal.Recommendation;
import com.kap.budget.internal.RoundFacts;
import com.kap.portfolio.Account;
import com.kap.portfolio.Portfolio;
import java.util.ArrayList;
import java.util.HashMap;
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
  private final Portfolio accounts;

  public ProposeAllocationDelegate(RoundFacts facts, BudgetRoundRepository rounds, BidRepository bids,
      AllocationOptimiser optimiser, BudgetAudit audit, Portfolio accounts) {
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
    // each bidding account read once: up to three optimiser problems want their regions, the view their names
    Map<String, Account> bidders = new HashMap<>();
    for (String accountId : roundBids.stream().map(Bid::accountId).distinct().toList()) {
      accounts.account(accountId).ifPresent(account -> bidders.put(accountId, account));
    }
    Recommendation recommendation = recommend(round, roundBids, bidders);
    rounds.saveRecommendation(round.roundNo(), recommendation);
    AllocationResult result = recommendation.result();
    audit.record(round.roundNo(), null, BudgetAudit.Action.RECOMMENDATION, null, null,
        "fund " + result.funded() + " · cost " + result.totalCost() + " · benefit "
            + result.totalBenefit().toPlainString() + (result.optimal() ? " · proven optimal"
            : " · not proven optimal, might fall short by " + result.gap().toPlainString()),
        recommendation.warning());
    AllocationView.show(execution, round, roundBids, accountId -> bidders.containsKey(accountId)
        ? bidders.get(accountId).name() : accountId, recommendation);
  }

  /** The optimum; where must-fund bids or region minimums cannot all be met, without them, and saying so. */
  public Recommendation recommend(BudgetRound round, List<Bid> roundBids, Map<String, Account> bidders) {
    try {
      return new Recommendation(optimiser.solve(problem(round, roundBids, bidders, true, true), true), null);
    } catch (AllocationInfeasible mustFundOrMinimums) {
      try {
        return new Recommendation(optimiser.solve(problem(round, roundBids, bidders, false, true), true),
            "The must-fund bids cannot all be funded (" + mustFundOrMinimums.getMessage() + "). This proposal "
                + "ignores must-fund; fund them by override, drawing on the reserve where needed.");
      } catch (AllocationInfeasible minimums) {
        return new Recommendation(optimiser.solve(problem(round, roundBids, bidders, false, false), true),
            "The round's constraints cannot all be met (" + mustFundOrMinimums.getMessage() + "). This proposal "
                + "ignores must-fund and the region minimums; decide them by override.");
      }
    }
  }

  private static AllocationProblem problem(BudgetRound round, List<Bid> roundBids, Map<String, Account> bidders,
      boolean honourMustFund, boolean honourRegionMinimums) {
    List<AllocationBid> candidates = new ArrayList<>();
    for (Bid bid : roundBids) {
      boolean eligible = bid.status() == Bid.Status.SCORED;
      BidContent content = bid.content();
      candidates.add(new AllocationBid(bid.id(), content.cost(),
          bid.benefit() == null ? java.math.BigDecimal.ZERO : bid.benefit(),
          honourMustFund && eligible && content.mustFund(), content.exclusiveGroup(),
          content.requiresBid() == null ? List.of() : List.of(BudgetIds.bid(content.requiresBid())),
          bidders.containsKey(bid.accountId()) ? bidders.get(bid.accountId()).region() : null, eligible));
    }
    return new AllocationProblem(round.envelope(), round.reserve(), candidates,
        honourRegionMinimums ? round.regionMinimums() : Map.of());
  }
}
