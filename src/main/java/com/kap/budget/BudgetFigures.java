package com.kap.budget;

import com.kap.budget.internal.BidRepository;
import com.kap.planning.BudgetFiguresSource;
import java.util.List;
import org.springframework.stereotype.Component;

/** The year's bids as the programme dashboard counts them: requested and funded, by account. */
@Component
public class BudgetFigures implements BudgetFiguresSource {

  private final BidRepository bids;

  public BudgetFigures(BidRepository bids) {
    this.bids = bids;
  }

  @Override
  public List<BidAmount> bidsOf(int year) {
    return bids.amountsOfYear(year);
  }
}
