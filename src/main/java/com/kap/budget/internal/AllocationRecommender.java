package com.kap.budget.internal;

import com.kap.budget.AllocationBid;
import com.kap.budget.AllocationInfeasible;
import com.kap.budget.AllocationOptimiser;
import com.kap.budget.AllocationProblem;
import com.kap.budget.BidContent;
import com.kap.budget.BidStatus;
import com.kap.budget.Recommendation;
import com.kap.portfolio.Account;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The optimiser's proposal for a round's scored bids, within envelope − reserve. */
@Component
public class AllocationRecommender {

  private final AllocationOptimiser optimiser;

  public AllocationRecommender(AllocationOptimiser optimiser) {
    this.optimiser = optimiser;
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
      boolean eligible = bid.status() == BidStatus.SCORED;
      BidContent content = bid.content();
      candidates.add(new AllocationBid(bid.id(), content.cost(),
          bid.benefit() == null ? BigDecimal.ZERO : bid.benefit(),
          honourMustFund && eligible && content.mustFund(), content.exclusiveGroup(),
          content.requiresBid() == null ? List.of() : List.of(BudgetIds.bid(content.requiresBid())),
          bidders.containsKey(bid.accountId()) ? bidders.get(bid.accountId()).region() : null, eligible));
    }
    return new AllocationProblem(round.envelope(), round.reserve(), candidates,
        honourRegionMinimums ? round.regionMinimums() : Map.of());
  }
}
