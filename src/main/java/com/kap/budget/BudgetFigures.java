package com.kap.budget;

import com.kap.budget.internal.BidRepository;
import com.kap.planning.BudgetFiguresSource;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The year's bids as the programme dashboard counts them: requested and funded, by account; and what the funded ones
 * delivered against what they promised.
 */
@Component
public class BudgetFigures implements BudgetFiguresSource {

  private final BidRepository bids;
  private final BidResults results;

  public BudgetFigures(BidRepository bids, BidResults results) {
    this.bids = bids;
    this.results = results;
  }

  @Override
  public List<BidAmount> bidsOf(int year) {
    return bids.amountsOfYear(year);
  }

  @Override
  public ResultFigures resultsOf(int year, String region) {
    return results.resultsOf(year, region);
  }
}
