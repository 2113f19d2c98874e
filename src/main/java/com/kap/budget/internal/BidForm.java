package com.kap.budget.internal;

import com.kap.budget.BidContent;
import com.kap.budget.BidStatus;
import com.kap.platform.forms.FormProblems;
import com.kap.platform.forms.FormValues;
import com.kap.platform.forms.InvalidFormData;
import com.kap.platform.forms.Problem;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Reads and checks a bid as submitted in "Submit investment bid" or "Revise bid". */
@Component
public class BidForm {

  public static final int LONG_TEXT = 4000;
  private static final long MAX_AMOUNT = 1_000_000_000_000L;

  private final BidRepository bids;

  public BidForm(BidRepository bids) {
    this.bids = bids;
  }

  /**
   * The bid's content, checked against its round: the cost within the envelope, a required bid of the same round,
   * no chain of requirements that comes back to the bid itself ({@code bidNo} is null for a new bid).
   */
  public BidContent read(FormValues values, BudgetRound round, Long bidNo) {
    FormProblems problems = new FormProblems(); // every problem of the bid at once
    String title = problems.check(() -> values.text("title", true, 200)).orElse(null);
    String category = problems.check(() -> values.choice("category", BidCategory.keys(), true)).orElse(null);
    Long cost = problems.check(() -> {
      long asked = values.wholeNumber("cost", 1, MAX_AMOUNT);
      if (asked > round.envelope()) {
        throw new InvalidFormData("cost", Problem.of("bid.aboveEnvelope", asked, round.id(),
            round.envelope()));
      }
      return asked;
    }).orElse(null);
    Long margin = problems.check(() -> values.wholeNumber("expectedMargin", 0, MAX_AMOUNT)).orElse(null);
    BigDecimal probability = problems.check(() -> values.decimal("successProbability", BigDecimal.ZERO,
        BigDecimal.valueOf(100), 2)).orElse(null);
    Long coInvestment = problems.check(() -> values.wholeNumber("coInvestment", 0, MAX_AMOUNT, 0)).orElse(null);
    String objectives = problems.check(() -> values.text("objectives", true, LONG_TEXT)).orElse(null);
    String group = problems.check(() -> values.text("exclusiveGroup", false, 100)).orElse(null);
    Long requires = problems.check(() -> requiredBid(values.text("requiresBid", false, 40), round, bidNo))
        .orElse(null);
    boolean mustFund = problems.check(() -> values.flag("mustFund")).orElse(false);
    String mustFundReason = problems.check(() -> values.text("mustFundReason", mustFund, LONG_TEXT)).orElse(null);
    problems.throwIfAny();
    return new BidContent(title, category, cost, margin, probability, coInvestment, objectives, group, requires,
        mustFund, mustFund ? mustFundReason : null);
  }

  private Long requiredBid(String id, BudgetRound round, Long self) {
    if (id == null) {
      return null;
    }
    long required = BudgetIds.bidNo(id).orElseThrow(() -> new InvalidFormData("requiresBid",
        Problem.of("bid.id", id)));
    Bid bid = bids.find(required).filter(b -> b.roundNo() == round.roundNo()).orElseThrow(() -> new InvalidFormData(
        "requiresBid", Problem.of("bid.notInRound", id, round.id())));
    if (bid.status() == BidStatus.WITHDRAWN) {
      throw new InvalidFormData("requiresBid", Problem.of("bid.withdrawn", id));
    }
    Set<Long> seen = new HashSet<>();
    StringBuilder chain = new StringBuilder();
    for (Bid next = bid; next != null; next = next.content().requiresBid() == null ? null
        : bids.find(next.content().requiresBid()).orElse(null)) {
      chain.append(" → ").append(next.id());
      if ((self != null && next.bidNo() == self) || !seen.add(next.bidNo())) {
        throw new InvalidFormData("requiresBid", Problem.of("bid.cycle",
            self == null ? Problem.of("bid.this") : BudgetIds.bid(self), chain));
      }
    }
    return required;
  }
}
