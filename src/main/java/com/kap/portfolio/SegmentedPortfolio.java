package com.kap.portfolio;

import java.util.List;
import java.util.Map;

/**
 * A cycle year's segmentation as the validation form shows it.
 *
 * @param accounts the segmented accounts, in account id order, overrides applied
 * @param counts the accounts per segment, every segment present
 * @param focusLimit the most Strategic and Star accounts before the validation task warns
 * @param matrix the segmentation matrix as SVG
 */
public record SegmentedPortfolio(int year, List<SegmentedAccount> accounts, Map<Segment, Long> counts,
    int focusLimit, String matrix) {

  /** An account and its segment in the year. */
  public record SegmentedAccount(Account account, CycleSegment segment) {}

  /** The accounts in focus: Strategic and Star. */
  public long focusCount() {
    return counts.get(Segment.STRATEGIC) + counts.get(Segment.STAR);
  }

  public boolean focusLimitExceeded() {
    return focusCount() > focusLimit;
  }
}
