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
   * @param decided whether the chair has decided it (funded or not)
   */
  record BidAmount(String accountId, long cost, boolean funded, boolean decided) {}

  /**
   * The bids of the rounds whose plan year is {@code year} and whose call has closed, except withdrawn ones: nothing
   * of a bid shows before its call has closed, as in the budget's own API.
   */
  List<BidAmount> bidsOf(int year);
}
