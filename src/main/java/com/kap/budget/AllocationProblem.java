package com.kap.budget;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to allocate (DESIGN §4): the envelope {@code budget}, the {@code reserve} held back from it, the bids, and per
 * region the least amount (whole currency units) that its funded bids must cost together.
 */
public record AllocationProblem(long budget, long reserve, List<AllocationBid> bids, Map<String, Long> regionMinimum) {

  public AllocationProblem {
    bids = bids == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(bids));
    regionMinimum = regionMinimum == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(regionMinimum));
  }

  /** What the funded bids may cost together: {@code budget − reserve}. */
  public long available() {
    return budget - reserve;
  }
}
