package com.kap.budget;

import com.kap.forms.FormValues;
import com.kap.forms.InvalidFormData;
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
    String title = values.text("title", true, 200);
    String category = values.choice("category", BidCategory.keys(), true);
    long cost = values.wholeNumber("cost", 1, MAX_AMOUNT);
    if (cost > round.envelope()) {
      throw new InvalidFormData("cost", cost + " is above the envelope of round " + round.id() + " ("
          + round.envelope() + ")");
    }
    long margin = values.wholeNumber("expectedMargin", 0, MAX_AMOUNT);
    BigDecimal probability = values.decimal("successProbability", BigDecimal.ZERO, BigDecimal.valueOf(100), 2);
    long coInvestment = values.wholeNumber("coInvestment", 0, MAX_AMOUNT, 0);
    String objectives = values.text("objectives", true, LONG_TEXT);
    String group = values.text("exclusiveGroup", false, 100);
    Long requires = requiredBid(values.text("requiresBid", false, 40), round, bidNo);
    boolean mustFund = values.flag("mustFund");
    String mustFundReason = values.text("mustFundReason", mustFund, LONG_TEXT);
    return new BidContent(title, category, cost, margin, probability, coInvestment, objectives, group, requires,
        mustFund, mustFund ? mustFundReason : null);
  }

  private Long requiredBid(String id, BudgetRound round, Long self) {
    if (id == null) {
      return null;
    }
    long required = BudgetIds.bidNo(id).orElseThrow(() -> new InvalidFormData("requiresBid",
        "must be a bid id like B-12, was '" + id + "'"));
    Bid bid = bids.find(required).filter(b -> b.roundNo() == round.roundNo()).orElseThrow(() -> new InvalidFormData(
        "requiresBid", "no bid " + id + " in round " + round.id()));
    if (bid.status() == Bid.Status.WITHDRAWN) {
      throw new InvalidFormData("requiresBid", id + " was withdrawn");
    }
    Set<Long> seen = new HashSet<>();
    StringBuilder chain = new StringBuilder(self == null ? "this bid" : BudgetIds.bid(self));
    for (Bid next = bid; next != null; next = next.content().requiresBid() == null ? null
        : bids.find(next.content().requiresBid()).orElse(null)) {
      chain.append(" → ").append(next.id());
      if ((self != null && next.bidNo() == self) || !seen.add(next.bidNo())) {
        throw new InvalidFormData("requiresBid", "would make a cycle: " + chain);
      }
    }
    return required;
  }
}
