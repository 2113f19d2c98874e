package com.kap.planning;

import java.math.BigDecimal;
import java.util.List;

/**
 * The investment bids of a cycle year, as the programme dashboard counts them by region and segment. The budget module
 * answers it: budget builds on planning, so planning asks through this interface rather than depending on budget.
 */
public interface BudgetFiguresSource {

  /**
   * A bid of a round of the year, withdrawn ones left out.
   *
   * @param cost what the bid asks for
   * @param funded whether the chair's decision funds it (from the envelope or the reserve)
   * @param decided whether the chair has decided it (funded or not)
   */
  record BidAmount(String accountId, long cost, boolean funded, boolean decided) {}

  /**
   * The bids of the rounds whose plan year is {@code year} and whose call has closed, except withdrawn ones: nothing
   * of a bid shows before its call has closed, as in the budget's own API.
   */
  List<BidAmount> bidsOf(int year);

  /**
   * What funded bids delivered against what they promised, for one group (a round, a region or a category).
   *
   * @param fundedBids the group's funded bids; @param reportedBids those whose KAM has reported results
   * @param promised the expected 3-year margin of the reported bids; @param delivered the value they delivered
   * @param ratio delivered ÷ promised, or null before any report
   */
  record ResultRatio(String group, int fundedBids, int reportedBids, long promised, long delivered,
      BigDecimal ratio) {}

  /** Delivered ÷ promised of a year's funded bids by round, by region and by category. */
  record ResultFigures(List<ResultRatio> byRound, List<ResultRatio> byRegion, List<ResultRatio> byCategory) {

    /** Named so that JSON leaves it out: the API answers the three lists only. */
    public boolean noFundedBids() {
      return byRound.isEmpty();
    }
  }

  /**
   * Delivered ÷ promised of the funded bids of the rounds whose plan year is {@code year}; {@code region} null for
   * every region, else only the bids of that region's accounts.
   */
  ResultFigures resultsOf(int year, String region);
}
