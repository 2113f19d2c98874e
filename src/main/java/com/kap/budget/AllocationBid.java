package com.kap.budget;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One investment bid as the optimiser sees it (DESIGN §4).
 *
 * @param id unique among the problem's bids
 * @param cost whole currency units, above 0
 * @param benefit the calibrated score, 0 or more, at most two decimals
 * @param mustFund funded whatever it costs (together with everything it requires)
 * @param exclusiveGroup at most one bid of a group is funded; null (or blank) for none
 * @param requires ids of the bids this one is funded only together with; empty for none
 * @param region counts towards that region's minimum; null for none
 * @param eligible an ineligible bid is never funded
 * @param segment counts towards that segment's envelope, if the problem has one; null for none
 */
public record AllocationBid(String id, long cost, BigDecimal benefit, boolean mustFund, String exclusiveGroup,
    List<String> requires, String region, boolean eligible, String segment) {

  public AllocationBid {
    requires = requires == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(requires));
    exclusiveGroup = exclusiveGroup == null || exclusiveGroup.isBlank() ? null : exclusiveGroup;
    region = region == null || region.isBlank() ? null : region;
    segment = segment == null || segment.isBlank() ? null : segment;
  }

  /** A bid outside any segment envelope. */
  public AllocationBid(String id, long cost, BigDecimal benefit, boolean mustFund, String exclusiveGroup,
      List<String> requires, String region, boolean eligible) {
    this(id, cost, benefit, mustFund, exclusiveGroup, requires, region, eligible, null);
  }

  /** An eligible bid with no constraints of its own. */
  public static AllocationBid of(String id, long cost, BigDecimal benefit) {
    return new AllocationBid(id, cost, benefit, false, null, List.of(), null, true);
  }
}
