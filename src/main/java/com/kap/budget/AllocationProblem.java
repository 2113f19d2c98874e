package com.kap.budget;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to allocate (DESIGN §4): the envelope {@code budget}, the {@code reserve} held back from it, the bids, per
 * region the least amount (whole currency units) that its funded bids must cost together, and per segment the most
 * that its funded bids may cost together (the segment's budget envelope; none when empty).
 */
public record AllocationProblem(long budget, long reserve, List<AllocationBid> bids, Map<String, Long> regionMinimum,
    Map<String, Long> segmentEnvelope) {

  public AllocationProblem {
    bids = bids == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(bids));
    regionMinimum = regionMinimum == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(regionMinimum));
    segmentEnvelope = segmentEnvelope == null ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(segmentEnvelope));
  }

  /** A problem without segment envelopes. */
  public AllocationProblem(long budget, long reserve, List<AllocationBid> bids, Map<String, Long> regionMinimum) {
    this(budget, reserve, bids, regionMinimum, Map.of());
  }

  /** The same problem without its segment envelopes: what they cost in benefit is the difference of the optima. */
  public AllocationProblem withoutEnvelopes() {
    return new AllocationProblem(budget, reserve, bids, regionMinimum, Map.of());
  }

  /** What the funded bids may cost together: {@code budget − reserve}. */
  public long available() {
    return budget - reserve;
  }
}
