package com.kap.budget.internal;

import com.kap.budget.AllocationBid;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An allocation checked and measured in whole numbers only: whatever a floating-point solver reports, KAP proposes
 * only what passes {@link #feasible}, and states its cost and benefit as computed here.
 */
public final class AllocationCheck {

  private final AllocationGraph graph;
  private final Map<String, Long> regionMinimum;
  private final Map<String, Long> segmentEnvelope;
  private final long[] cost;
  private final long[] cents;

  public AllocationCheck(AllocationGraph graph, Map<String, Long> regionMinimum) {
    this(graph, regionMinimum, Map.of());
  }

  /** @param segmentEnvelope per segment the most its funded bids may cost together; empty for none */
  public AllocationCheck(AllocationGraph graph, Map<String, Long> regionMinimum, Map<String, Long> segmentEnvelope) {
    this.graph = graph;
    this.regionMinimum = regionMinimum;
    this.segmentEnvelope = segmentEnvelope;
    int n = graph.size();
    cost = new long[n];
    cents = new long[n];
    for (int i = 0; i < n; i++) {
      cost[i] = graph.bid(i).cost();
      cents[i] = graph.bid(i).benefit().movePointRight(2).longValueExact();
    }
  }

  public AllocationGraph graph() {
    return graph;
  }

  public Map<String, Long> regionMinimum() {
    return regionMinimum;
  }

  public Map<String, Long> segmentEnvelope() {
    return segmentEnvelope;
  }

  /** The segment envelope the bid counts towards, or null. */
  public Long envelopeOf(int bid) {
    String segment = graph.bid(bid).segment();
    return segment == null ? null : segmentEnvelope.get(segment);
  }

  /** What the funded bids of each enveloped segment cost together. */
  public Map<String, Long> spentPerSegment(boolean[] funded) {
    Map<String, Long> spent = new java.util.LinkedHashMap<>();
    segmentEnvelope.keySet().forEach(segment -> spent.put(segment, 0L));
    for (int i = 0; i < funded.length; i++) {
      String segment = graph.bid(i).segment();
      if (funded[i] && segment != null && spent.containsKey(segment)) {
        spent.merge(segment, cost[i], Long::sum);
      }
    }
    return spent;
  }

  public long cost(int bid) {
    return cost[bid];
  }

  /** The benefit in hundredths: exact, as every benefit has at most two decimals. */
  public long cents(int bid) {
    return cents[bid];
  }

  /** Every constraint of DESIGN §4 and the segment envelopes, in integer arithmetic. */
  public boolean feasible(boolean[] funded, long available) {
    if (funded == null || funded.length != graph.size()) {
      return false;
    }
    long total = 0;
    Set<String> groups = new HashSet<>();
    Map<String, Long> perRegion = new java.util.HashMap<>();
    for (int i = 0; i < funded.length; i++) {
      AllocationBid bid = graph.bid(i);
      if (!funded[i]) {
        if (bid.mustFund()) {
          return false;
        }
        continue;
      }
      if (!bid.eligible() || (bid.exclusiveGroup() != null && !groups.add(bid.exclusiveGroup()))) {
        return false;
      }
      for (int required : graph.requires(i)) {
        if (!funded[required]) {
          return false;
        }
      }
      total += cost[i];
      if (bid.region() != null) {
        perRegion.merge(bid.region(), cost[i], Long::sum);
      }
    }
    if (total > available) {
      return false;
    }
    for (Map.Entry<String, Long> minimum : regionMinimum.entrySet()) {
      if (perRegion.getOrDefault(minimum.getKey(), 0L) < minimum.getValue()) {
        return false;
      }
    }
    if (!segmentEnvelope.isEmpty()) {
      for (Map.Entry<String, Long> spent : spentPerSegment(funded).entrySet()) {
        if (spent.getValue() > segmentEnvelope.get(spent.getKey())) {
          return false;
        }
      }
    }
    return true;
  }

  public long totalCost(boolean[] funded) {
    long total = 0;
    for (int i = 0; i < funded.length; i++) {
      total += funded[i] ? cost[i] : 0;
    }
    return total;
  }

  public long totalCents(boolean[] funded) {
    long total = 0;
    for (int i = 0; i < funded.length; i++) {
      total += funded[i] ? cents[i] : 0;
    }
    return total;
  }

  /** The sum of the funded bids' positions (1-based): the last tie-break. */
  public static long positions(boolean[] funded) {
    long total = 0;
    for (int i = 0; i < funded.length; i++) {
      total += funded[i] ? i + 1 : 0;
    }
    return total;
  }

  /**
   * The canonical order of allocations (DESIGN §4): more benefit first, then less cost, then the smaller sum of
   * positions; negative when {@code a} comes first.
   */
  public int compare(boolean[] a, boolean[] b) {
    int order = Long.compare(totalCents(b), totalCents(a));
    if (order == 0) {
      order = Long.compare(totalCost(a), totalCost(b));
    }
    return order != 0 ? order : Long.compare(positions(a), positions(b));
  }

  /**
   * A bound no allocation's benefit (hundredths) exceeds, computed exactly: the bids taken by benefit per cost while
   * they fit, the next one in part (the knapsack's linear relaxation, without groups, requirements and minimums).
   */
  public long relaxedBoundCents(long available) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < graph.size(); i++) {
      if (graph.bid(i).eligible() && cents[i] > 0) {
        order.add(i);
      }
    }
    order.sort((a, b) -> compareProducts(cents[b], cost[a], cents[a], cost[b]));
    long left = available;
    long total = 0;
    for (int i : order) {
      if (cost[i] <= left) {
        total += cents[i];
        left -= cost[i];
      } else {
        total += BigInteger.valueOf(cents[i]).multiply(BigInteger.valueOf(left))
            .divide(BigInteger.valueOf(cost[i])).longValueExact();
        break;
      }
    }
    return total;
  }

  /** x·y against u·v for values 0 or more, without overflow. */
  public static int compareProducts(long x, long y, long u, long v) {
    long high = Math.multiplyHigh(x, y);
    long otherHigh = Math.multiplyHigh(u, v);
    return high != otherHigh ? Long.compare(high, otherHigh) : Long.compareUnsigned(x * y, u * v);
  }
}
