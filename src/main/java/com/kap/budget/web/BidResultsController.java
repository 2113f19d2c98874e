package com.kap.budget.web;

import com.kap.budget.BidResults;
import com.kap.planning.BudgetFiguresSource.ResultFigures;
import com.kap.platform.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the funded bids of a plan year's rounds delivered against what they promised, by round, region and category
 * ({@link BidResults}): directors and the programme director.
 */
@RestController
@RequestMapping("/api/budget")
public class BidResultsController {

  private final BidResults results;

  public BidResultsController(BidResults results) {
    this.results = results;
  }

  @GetMapping("/results")
  public ResultFigures results(@RequestParam(name = "year") String year) {
    int planYear;
    try {
      planYear = Integer.parseInt(year.strip());
    } catch (NumberFormatException notAYear) {
      throw ApiException.ofField(HttpStatus.BAD_REQUEST, "year", "error.year.invalid", year);
    }
    return results.results(planYear);
  }
}
