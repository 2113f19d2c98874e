package com.kap.planning;

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
   */
  record BidAmount(String accountId, long cost, boolean funded) {}

  /** The bids of the rounds whose plan year is {@code year}, except withdrawn ones. */
  List<BidAmount> bidsOf(int year);
}
