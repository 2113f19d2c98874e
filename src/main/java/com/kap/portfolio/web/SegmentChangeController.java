package com.kap.portfolio.web;

import com.kap.portfolio.ChangeSegment;
import com.kap.portfolio.CycleSegment;
import com.kap.portfolio.PortfolioSegmentation;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Mid-year re-segmentation by the programme director: the account's segment of a cycle year changes (stored as an
 * override with the reason), and its running ritual plan is told (message segmentChanged) to plan anew.
 */
@RestController
@RequestMapping("/api/accounts")
public class SegmentChangeController {

  private final PortfolioSegmentation segmentation;

  public SegmentChangeController(PortfolioSegmentation segmentation) {
    this.segmentation = segmentation;
  }

  /** The body is checked after the role check and the look-up, not by {@code @Valid} before them. */
  @PutMapping("/{accountId}/segments/{year}")
  public CycleSegment change(@PathVariable String accountId, @PathVariable int year,
      @RequestBody ChangeSegment change) {
    return segmentation.changeSegment(year, accountId, change);
  }
}
