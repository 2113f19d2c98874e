package com.kap.budget.internal;

import com.kap.budget.AllocationBid;
import com.kap.budget.AllocationReason;
import com.kap.budget.AllocationResult.NextInLine;
import com.kap.budget.AllocationResult.Unfunded;
import com.kap.budget.UnfundedReasons;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Why each bid of an allocation is not funded (DESIGN §4), and which ones only the budget holds back. A bid's
 * "bundle" is the bid with the unfunded bids it requires, transitively: what funding it would take.
 */
public final class AllocationExplainer {

  public static final int NEXT_IN_LINE = 5;

  private final AllocationGraph graph;
  private final boolean[] funded;
  private final long left;
  private final boolean optimal;
  private final Map<String, Integer> fundedOfGroup = new HashMap<>();
  /** Per enveloped segment: its envelope and what it has left. */
  private final Map<String, long[]> envelopes;

  public AllocationExplainer(AllocationGraph graph, boolean[] funded, long left, boolean optimal) {
    this(graph, funded, left, optimal, Map.of(), Map.of());
  }

  /**
   * @param segmentEnvelope per segment the most its funded bids may cost; @param spent what they cost
   */
  public AllocationExplainer(AllocationGraph graph, boolean[] funded, long left, boolean optimal,
      Map<String, Long> segmentEnvelope, Map<String, Long> spent) {
    this.envelopes = new HashMap<>();
    segmentEnvelope.forEach((segment, envelope) -> envelopes.put(segment,
        new long[] {envelope, envelope - spent.getOrDefault(segment, 0L)}));
    this.graph = graph;
    this.funded = funded;
    this.left = left;
    this.optimal = optimal;
    for (int i = 0; i < graph.size(); i++) {
      if (funded[i] && graph.bid(i).exclusiveGroup() != null) {
        fundedOfGroup.putIfAbsent(graph.bid(i).exclusiveGroup(), i);
      }
    }
  }

  public List<Unfunded> unfunded() {
    List<Unfunded> unfunded = new ArrayList<>();
    for (int i = 0; i < graph.size(); i++) {
      if (!funded[i]) {
        unfunded.add(explain(i));
      }
    }
    return unfunded;
  }

  private Unfunded explain(int i) {
    AllocationBid bid = graph.bid(i);
    if (!bid.eligible()) {
      return UnfundedReasons.unfunded(bid.id(), AllocationReason.NOT_ELIGIBLE, "notEligible");
    }
    Integer rival = bid.exclusiveGroup() == null ? null : fundedOfGroup.get(bid.exclusiveGroup());
    if (rival != null) {
      return UnfundedReasons.unfunded(bid.id(), AllocationReason.EXCLUDED_BY_GROUP, "excludedByGroup",
          graph.id(rival), bid.exclusiveGroup());
    }
    for (int required : graph.requires(i)) {
      if (!funded[required]) {
        return UnfundedReasons.unfunded(bid.id(), AllocationReason.REQUIREMENT_UNFUNDED,
            graph.bid(required).eligible() ? "requirementNotFunded" : "requirementNotEligible", graph.id(required));
      }
    }
    // what it requires is funded: the bid alone would have to fit, in its segment's envelope first
    long[] envelope = bid.segment() == null ? null : envelopes.get(bid.segment());
    if (envelope != null && bid.cost() > envelope[1]) {
      return UnfundedReasons.unfunded(bid.id(), AllocationReason.OVER_ENVELOPE, "overEnvelope", bid.segment(),
          envelope[0], envelope[1], bid.cost() - envelope[1]);
    }
    if (bid.cost() > left) {
      return UnfundedReasons.unfunded(bid.id(), AllocationReason.OVER_BUDGET, "overBudget", bid.cost() - left, left);
    }
    // adding a bid that fits breaks no constraint, so an optimum leaves one out only if it adds nothing
    return bid.benefit().signum() == 0 || optimal
        ? UnfundedReasons.unfunded(bid.id(), AllocationReason.LOWER_VALUE, "noBenefit")
        : UnfundedReasons.unfunded(bid.id(), AllocationReason.LOWER_VALUE, "searchStopped", left);
  }

  /** Unfunded bids that more budget alone would let in, most benefit per cost first, then in the bids' order. */
  public List<NextInLine> nextInLine() {
    List<Bundle> candidates = new ArrayList<>();
    for (int i = 0; i < graph.size(); i++) {
      if (!funded[i]) {
        Bundle bundle = bundle(i);
        if (bundle.cost > left && bundle.benefit.signum() > 0 && onlyBudgetHoldsBack(bundle)) {
          candidates.add(bundle);
        }
      }
    }
    return candidates.stream()
        .sorted(Bundle.MOST_BENEFIT_PER_COST.thenComparingInt(Bundle::bid))
        .limit(NEXT_IN_LINE)
        .map(b -> new NextInLine(graph.id(b.bid), b.cost - left, b.cost, b.benefit,
            b.members.stream().filter(m -> m != b.bid).mapToObj(graph::id).toList()))
        .toList();
  }

  private boolean onlyBudgetHoldsBack(Bundle bundle) {
    Set<String> groups = new HashSet<>();
    Map<String, Long> envelopeCost = new HashMap<>();
    for (int m = bundle.members.nextSetBit(0); m >= 0; m = bundle.members.nextSetBit(m + 1)) {
      AllocationBid member = graph.bid(m);
      if (!member.eligible()) {
        return false;
      }
      String group = member.exclusiveGroup();
      if (group != null && (fundedOfGroup.containsKey(group) || !groups.add(group))) {
        return false;
      }
      long[] envelope = member.segment() == null ? null : envelopes.get(member.segment());
      if (envelope != null && envelopeCost.merge(member.segment(), member.cost(), Long::sum) > envelope[1]) {
        return false; // its envelope holds it back too
      }
    }
    return true;
  }

  /** The bid and the unfunded bids it requires, transitively; a funded bid's requirements are funded already. */
  private Bundle bundle(int i) {
    BitSet members = new BitSet();
    members.set(i);
    Deque<Integer> todo = new ArrayDeque<>(List.of(i));
    while (!todo.isEmpty()) {
      for (int required : graph.requires(todo.pop())) {
        if (!funded[required] && !members.get(required)) {
          members.set(required);
          todo.push(required);
        }
      }
    }
    long cost = 0;
    BigDecimal benefit = BigDecimal.ZERO;
    for (int m = members.nextSetBit(0); m >= 0; m = members.nextSetBit(m + 1)) {
      cost += graph.bid(m).cost();
      benefit = benefit.add(graph.bid(m).benefit());
    }
    return new Bundle(i, members, cost, benefit.setScale(2)); // exact: benefits have at most two decimals
  }

  private record Bundle(int bid, BitSet members, long cost, BigDecimal benefit) {

    /** a/b before c/d when a·d > c·b: exact, no rounded quotient. */
    public static final Comparator<Bundle> MOST_BENEFIT_PER_COST = (x, y) ->
        y.benefit.multiply(BigDecimal.valueOf(x.cost)).compareTo(x.benefit.multiply(BigDecimal.valueOf(y.cost)));
  }
}
