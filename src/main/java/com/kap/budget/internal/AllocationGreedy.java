package com.kap.budget.internal;

import com.kap.budget.AllocationBid;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A feasible allocation found without search, to start the exact solver from and to fall back on: the must-fund bids
 * and what they require; then, region by region, the best benefit per cost until each minimum is met; then the best
 * benefit per cost overall. A bid comes with the unfunded bids it requires (its bundle), and only if the bundle keeps
 * every group, stays within its segments' envelopes and leaves enough for the minimums still unmet. Deterministic: ratios are compared exactly, ties by
 * position. It may fail where a region minimum is hard to meet; then there is no start.
 */
public final class AllocationGreedy {

  private final AllocationCheck check;
  private final AllocationGraph graph;
  private final boolean[] funded;
  private final double[] preferred;
  private final Set<String> groups = new HashSet<>();
  private final Map<String, Long> regionCost = new HashMap<>();
  private final Map<String, Long> segmentCost = new HashMap<>();
  private long left;

  private AllocationGreedy(AllocationCheck check, long available, double[] preferred) {
    this.check = check;
    this.preferred = preferred;
    this.graph = check.graph();
    this.funded = new boolean[graph.size()];
    this.left = available;
  }

  /** A feasible allocation within {@code available}, or null when this ranking finds none. */
  public static boolean[] start(AllocationCheck check, long available) {
    return start(check, available, null);
  }

  /**
   * The same, ranking first the bids a linear relaxation funds in full ({@code preferred}, a value per bid,
   * ≥ 1 − 1e-6): rounding the relaxation, then filling up. Deterministic for the same values.
   */
  public static boolean[] start(AllocationCheck check, long available, double[] preferred) {
    AllocationGreedy greedy = new AllocationGreedy(check, available, preferred);
    return greedy.run() && check.feasible(greedy.funded, available) ? greedy.funded : null;
  }

  private boolean run() {
    for (int i = 0; i < graph.size(); i++) {
      if (graph.bid(i).mustFund()) {
        List<Integer> bundle = bundle(i);
        if (bundle == null) {
          return false;
        }
        fund(bundle);
      }
    }
    if (left < 0) {
      return false;
    }
    List<Integer> ranking = ranking();
    for (Map.Entry<String, Long> minimum : check.regionMinimum().entrySet()) {
      for (int i : ranking) {
        if (regionCost.getOrDefault(minimum.getKey(), 0L) >= minimum.getValue()) {
          break;
        }
        if (minimum.getKey().equals(graph.bid(i).region())) {
          tryFund(i);
        }
      }
    }
    if (shortfall(List.of()) > 0) {
      return false;
    }
    for (int i : ranking) {
      if (check.cents(i) > 0) {
        tryFund(i);
      }
    }
    return true;
  }

  /** Eligible bids, most benefit per cost of their bundle first (as the must-fund bids leave things), then by position. */
  private List<Integer> ranking() {
    List<long[]> keyed = new ArrayList<>(); // bid, bundle cost, bundle cents
    for (int i = 0; i < graph.size(); i++) {
      if (funded[i] || !graph.bid(i).eligible()) {
        continue;
      }
      List<Integer> bundle = bundle(i);
      if (bundle != null) {
        long cost = 0;
        long cents = 0;
        for (int m : bundle) {
          cost += check.cost(m);
          cents += check.cents(m);
        }
        keyed.add(new long[] {i, cost, cents});
      }
    }
    Comparator<long[]> mostBenefitPerCost = (a, b) -> AllocationCheck.compareProducts(b[2], a[1], a[2], b[1]);
    Comparator<long[]> preferredFirst =
        Comparator.comparingInt(k -> preferred != null && preferred[(int) k[0]] >= 1 - 1e-6 ? 0 : 1);
    keyed.sort(preferredFirst.thenComparing(mostBenefitPerCost).thenComparingLong(k -> k[0]));
    return keyed.stream().map(k -> (int) k[0]).toList();
  }

  private void tryFund(int bid) {
    if (funded[bid]) {
      return;
    }
    List<Integer> bundle = bundle(bid);
    if (bundle == null) {
      return;
    }
    long cost = 0;
    for (int m : bundle) {
      cost += check.cost(m);
    }
    if (cost + shortfall(bundle) <= left && withinEnvelopes(bundle)) {
      fund(bundle);
    }
  }

  /** Whether the bundle fits in what its segments' envelopes have left. */
  private boolean withinEnvelopes(List<Integer> bundle) {
    if (check.segmentEnvelope().isEmpty()) {
      return true;
    }
    Map<String, Long> after = new HashMap<>(segmentCost);
    for (int m : bundle) {
      String segment = graph.bid(m).segment();
      if (segment != null && check.segmentEnvelope().containsKey(segment)
          && after.merge(segment, check.cost(m), Long::sum) > check.segmentEnvelope().get(segment)) {
        return false;
      }
    }
    return true;
  }

  /** What the region minimums still lack, had the bundle been funded. */
  private long shortfall(List<Integer> bundle) {
    long shortfall = 0;
    for (Map.Entry<String, Long> minimum : check.regionMinimum().entrySet()) {
      long cost = regionCost.getOrDefault(minimum.getKey(), 0L);
      for (int m : bundle) {
        cost += minimum.getKey().equals(graph.bid(m).region()) ? check.cost(m) : 0;
      }
      shortfall += Math.max(0, minimum.getValue() - cost);
    }
    return shortfall;
  }

  private void fund(List<Integer> bundle) {
    for (int m : bundle) {
      funded[m] = true;
      left -= check.cost(m);
      AllocationBid bid = graph.bid(m);
      if (bid.exclusiveGroup() != null) {
        groups.add(bid.exclusiveGroup());
      }
      if (bid.region() != null) {
        regionCost.merge(bid.region(), check.cost(m), Long::sum);
      }
      if (bid.segment() != null) {
        segmentCost.merge(bid.segment(), check.cost(m), Long::sum);
      }
    }
  }

  /** The bid and the unfunded bids it requires, transitively; null if one is ineligible or a group would clash. */
  private List<Integer> bundle(int bid) {
    List<Integer> members = new ArrayList<>();
    Set<Integer> seen = new HashSet<>();
    Set<String> bundleGroups = new HashSet<>();
    Deque<Integer> todo = new ArrayDeque<>(List.of(bid));
    while (!todo.isEmpty()) {
      int m = todo.pop();
      if (funded[m] || !seen.add(m)) {
        continue;
      }
      AllocationBid member = graph.bid(m);
      String group = member.exclusiveGroup();
      if (!member.eligible() || (group != null && (groups.contains(group) || !bundleGroups.add(group)))) {
        return null;
      }
      members.add(m);
      for (int required : graph.requires(m)) {
        todo.push(required);
      }
    }
    return members;
  }
}
