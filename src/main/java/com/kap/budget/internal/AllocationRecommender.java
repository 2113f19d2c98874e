package com.kap.budget.internal;

import com.kap.budget.AllocationBid;
import com.kap.budget.AllocationInfeasible;
import com.kap.budget.AllocationOptimiser;
import com.kap.budget.AllocationProblem;
import com.kap.budget.AllocationResult;
import com.kap.budget.BidContent;
import com.kap.budget.BidStatus;
import com.kap.budget.KeyedText;
import com.kap.budget.Recommendation;
import com.kap.platform.i18n.Bundles;
import com.kap.portfolio.Account;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.stereotype.Component;

/** The optimiser's proposal for a round's scored bids, within envelope − reserve. */
@Component
public class AllocationRecommender {

  private final AllocationOptimiser optimiser;

  public AllocationRecommender(AllocationOptimiser optimiser) {
    this.optimiser = optimiser;
  }

  /**
   * The segment envelopes of a round that enables them.
   *
   * @param segmentOfBid bid id → its account's segment label in the round's year
   * @param envelope segment label → the most its funded bids may cost
   */
  public record Envelopes(Map<String, String> segmentOfBid, Map<String, Long> envelope) {}

  /**
   * A recommendation and its warning as a text of the bundles, to say it in a reader's language (the
   * recommendation keeps it in English, as the audit trail does, and as a {@link KeyedText}); null when there is
   * none.
   */
  public record Recommended(Recommendation recommendation, MessageSourceResolvable warning) {}

  /** The optimum; where must-fund bids or region minimums cannot all be met, without them, and saying so. */
  public Recommendation recommend(BudgetRound round, List<Bid> roundBids, Map<String, Account> bidders) {
    return recommend(round, roundBids, bidders, null);
  }

  /**
   * The same within the segment envelopes, when there are ({@code envelopes} not null): these always hold, as no
   * allocation at all always fits them; must-fund and the region minimums give way as before.
   */
  public Recommendation recommend(BudgetRound round, List<Bid> roundBids, Map<String, Account> bidders,
      Envelopes envelopes) {
    return recommendSaid(round, roundBids, bidders, envelopes).recommendation();
  }

  /** {@link #recommend(BudgetRound, List, Map, Envelopes)}, with its warning as a text of the bundles. */
  public Recommended recommendSaid(BudgetRound round, List<Bid> roundBids, Map<String, Account> bidders,
      Envelopes envelopes) {
    try {
      return recommended(optimiser.solve(problem(round, roundBids, bidders, true, true, envelopes), true), null);
    } catch (AllocationInfeasible mustFundOrMinimums) {
      MessageSourceResolvable why = Bundles.text(mustFundOrMinimums.getDetailMessageCode(),
          mustFundOrMinimums.getDetailMessageArguments());
      try {
        return recommended(optimiser.solve(problem(round, roundBids, bidders, false, true, envelopes), true),
            Bundles.text("allocation.warning.mustFund", why));
      } catch (AllocationInfeasible minimums) {
        return recommended(optimiser.solve(problem(round, roundBids, bidders, false, false, envelopes), true),
            Bundles.text(envelopes == null ? "allocation.warning.constraints"
                : "allocation.warning.constraintsEnvelopes", why));
      }
    }
  }

  private static Recommended recommended(AllocationResult result, MessageSourceResolvable warning) {
    return new Recommended(new Recommendation(result, warning == null ? null
        : Bundles.english(warning.getCodes()[0], warning.getArguments()),
        warning == null ? null : KeyedText.of(warning)), warning);
  }

  private static AllocationProblem problem(BudgetRound round, List<Bid> roundBids, Map<String, Account> bidders,
      boolean honourMustFund, boolean honourRegionMinimums, Envelopes envelopes) {
    List<AllocationBid> candidates = new ArrayList<>();
    for (Bid bid : roundBids) {
      boolean eligible = bid.status() == BidStatus.SCORED;
      BidContent content = bid.content();
      candidates.add(new AllocationBid(bid.id(), content.cost(),
          bid.benefit() == null ? BigDecimal.ZERO : bid.benefit(),
          honourMustFund && eligible && content.mustFund(), content.exclusiveGroup(),
          content.requiresBid() == null ? List.of() : List.of(BudgetIds.bid(content.requiresBid())),
          bidders.containsKey(bid.accountId()) ? bidders.get(bid.accountId()).region() : null, eligible,
          envelopes == null ? null : envelopes.segmentOfBid().get(bid.id())));
    }
    return new AllocationProblem(round.envelope(), round.reserve(), candidates,
        honourRegionMinimums ? round.regionMinimums() : Map.of(), envelopes == null ? Map.of() : envelopes.envelope());
  }
}
