package com.kap.budget.internal;

import com.kap.budget.AllocationBid;
import com.kap.budget.AllocationInfeasible;
import com.kap.budget.AllocationProblem;
import com.kap.platform.i18n.Bundles;
import com.kap.platform.web.ApiException;
import java.math.BigDecimal;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;

/**
 * Checks a problem before it is solved, with messages that name the field. 400 for a value that is wrong by itself,
 * and for duplicate ids; 422 for values that contradict each other, and {@link AllocationInfeasible} for constraints
 * that no allocation can meet — those that can be seen without a search; the solver finds the rest.
 */
public final class AllocationProblemValidator {

  public static final int MAX_BIDS = 20_000;
  /** Keeps every sum of costs and of scaled benefits far inside a long. */
  public static final long MAX_AMOUNT = 1_000_000_000_000L;
  public static final BigDecimal MAX_BENEFIT = BigDecimal.valueOf(1_000_000_000L);

  private AllocationProblemValidator() {}

  /** The problem's requirement graph, once the problem is sound. */
  public static AllocationGraph check(AllocationProblem problem) {
    checkValues(problem);
    checkRelations(problem);
    AllocationGraph graph = AllocationGraph.of(problem.bids());
    graph.cycle().ifPresent(cycle -> {
      throw unprocessable("error.allocation.cycle", String.join(" → ", cycle));
    });
    checkMandatoryBids(problem, graph);
    checkRegionMinimums(problem);
    return graph;
  }

  private static void checkValues(AllocationProblem problem) {
    if (problem.budget() <= 0) {
      throw bad("error.field.mustBe", "budget", Bundles.text("error.rule.wholeAboveZero"));
    }
    if (problem.budget() > MAX_AMOUNT) {
      throw bad("error.field.atMost", "budget", String.valueOf(MAX_AMOUNT));
    }
    if (problem.reserve() < 0) {
      throw bad("error.field.mustBe", "reserve", Bundles.text("error.rule.wholeZeroOrMore"));
    }
    if (problem.bids().size() > MAX_BIDS) {
      throw bad("error.field.atMostBids", "bids", String.valueOf(MAX_BIDS), String.valueOf(problem.bids().size()));
    }
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < problem.bids().size(); i++) {
      AllocationBid bid = problem.bids().get(i);
      checkBid(bid, "bids[" + i + "]");
      if (!ids.add(bid.id())) {
        throw bad("error.field.duplicate", "bids[" + i + "].id", bid.id());
      }
    }
    problem.segmentEnvelope().forEach((segment, envelope) -> {
      if (segment == null || segment.isBlank()) {
        throw bad("error.allocation.segmentNameEmpty");
      }
      if (envelope == null || envelope < 0) {
        throw bad("error.field.mustBe", "segmentEnvelope." + segment, Bundles.text("error.rule.wholeZeroOrMore"));
      }
    });
    problem.regionMinimum().forEach((region, minimum) -> {
      if (region == null || region.isBlank()) {
        throw bad("error.allocation.regionNameEmpty");
      }
      if (minimum == null || minimum < 0) {
        throw bad("error.field.mustBe", "regionMinimum." + region, Bundles.text("error.rule.wholeZeroOrMore"));
      }
    });
  }

  private static void checkBid(AllocationBid bid, String field) {
    if (bid == null) {
      throw bad("error.field.required", field);
    }
    if (bid.id() == null || bid.id().isBlank()) {
      throw bad("error.field.required", field + ".id");
    }
    if (bid.cost() <= 0) {
      throw bad("error.field.mustBe", field + ".cost", Bundles.text("error.rule.wholeAboveZero"));
    }
    BigDecimal benefit = bid.benefit();
    if (benefit == null) {
      throw bad("error.field.required", field + ".benefit");
    }
    if (benefit.signum() < 0) {
      throw bad("error.field.notNegative", field + ".benefit", shown(benefit));
    }
    if (benefit.stripTrailingZeros().scale() > 2) {
      throw bad("error.field.twoDecimals", field + ".benefit", shown(benefit));
    }
    if (benefit.compareTo(MAX_BENEFIT) > 0) {
      throw bad("error.field.atMost", field + ".benefit", MAX_BENEFIT.toPlainString());
    }
    for (int k = 0; k < bid.requires().size(); k++) {
      String required = bid.requires().get(k);
      if (required == null || required.isBlank()) {
        throw bad("error.field.mustBe", field + ".requires[" + k + "]", Bundles.text("error.rule.bidId"));
      }
    }
  }

  private static void checkRelations(AllocationProblem problem) {
    if (problem.reserve() >= problem.budget()) {
      throw unprocessable("error.allocation.reserveNotBelowBudget", String.valueOf(problem.reserve()),
          String.valueOf(problem.budget()));
    }
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < problem.bids().size(); i++) {
      AllocationBid bid = problem.bids().get(i);
      ids.add(bid.id());
      if (bid.cost() > problem.budget()) {
        throw unprocessable("error.allocation.costAboveBudget", "bids[" + i + "].cost", String.valueOf(bid.cost()),
            String.valueOf(problem.budget()));
      }
    }
    for (int i = 0; i < problem.bids().size(); i++) {
      for (String required : problem.bids().get(i).requires()) {
        if (!ids.contains(required)) {
          throw unprocessable("error.allocation.unknownBid", "bids[" + i + "].requires", required);
        }
      }
    }
  }

  /** Must-fund bids and everything they require: all eligible, no two in a group, within what is available. */
  private static void checkMandatoryBids(AllocationProblem problem, AllocationGraph graph) {
    BitSet mustFund = new BitSet();
    for (int i = 0; i < graph.size(); i++) {
      if (graph.bid(i).mustFund()) {
        if (!graph.bid(i).eligible()) {
          throw new AllocationInfeasible("infeasible.mustFundNotEligible", "bids[" + i + "].mustFund", graph.id(i));
        }
        mustFund.set(i);
      }
    }
    Map<Integer, Integer> requiredBy = graph.requirementsOf(mustFund);
    BitSet mandatory = (BitSet) mustFund.clone();
    requiredBy.keySet().forEach(mandatory::set);
    Map<String, Integer> fundedOfGroup = new LinkedHashMap<>();
    long cost = 0;
    for (int j = mandatory.nextSetBit(0); j >= 0; j = mandatory.nextSetBit(j + 1)) {
      AllocationBid bid = graph.bid(j);
      if (!bid.eligible()) {
        int by = requiredBy.get(j);
        throw new AllocationInfeasible("infeasible.mustFundRequiresIneligible", "bids[" + by + "].mustFund",
            graph.id(by), bid.id());
      }
      if (bid.exclusiveGroup() != null) {
        Integer other = fundedOfGroup.putIfAbsent(bid.exclusiveGroup(), j);
        if (other != null) {
          throw new AllocationInfeasible("infeasible.groupHoldsTwo", bid.exclusiveGroup(),
              why(graph, other, requiredBy), why(graph, j, requiredBy));
        }
      }
      cost += bid.cost();
    }
    if (cost > problem.available()) {
      int required = requiredBy.size();
      Object[] figures = {String.valueOf(cost), String.valueOf(problem.available()), String.valueOf(problem.budget()),
          String.valueOf(problem.reserve()), String.valueOf(required)};
      throw new AllocationInfeasible(required == 0 ? "infeasible.mustFundCost" : "infeasible.mustFundCostRequired",
          figures);
    }
  }

  /**
   * A bid that must be funded, and why: "B1 (must-fund)", "B2 (required by must-fund B1)", in the answer's
   * language.
   */
  private static MessageSourceResolvable why(AllocationGraph graph, int bid, Map<Integer, Integer> requiredBy) {
    Integer by = requiredBy.get(bid);
    return by == null ? Bundles.text("infeasible.why.mustFund", graph.id(bid))
        : Bundles.text("infeasible.why.requiredBy", graph.id(bid), graph.id(by));
  }

  private static void checkRegionMinimums(AllocationProblem problem) {
    Map<String, Long> eligibleCost = new HashMap<>();
    for (AllocationBid bid : problem.bids()) {
      if (bid.eligible() && bid.region() != null) {
        eligibleCost.merge(bid.region(), bid.cost(), Long::sum);
      }
    }
    long sum = 0;
    for (Map.Entry<String, Long> entry : problem.regionMinimum().entrySet()) {
      String field = "regionMinimum." + entry.getKey();
      long minimum = entry.getValue();
      long reachable = eligibleCost.getOrDefault(entry.getKey(), 0L);
      if (minimum > reachable) {
        throw reachable == 0
            ? new AllocationInfeasible("infeasible.regionNoBid", field, String.valueOf(minimum), entry.getKey())
            : new AllocationInfeasible("infeasible.regionTooFew", field, String.valueOf(minimum), entry.getKey(),
                String.valueOf(reachable));
      }
      if (minimum > problem.available()) {
        throw new AllocationInfeasible("infeasible.regionAboveAvailable", field, String.valueOf(minimum),
            String.valueOf(problem.available()));
      }
      sum += minimum;
    }
    if (sum > problem.available()) {
      throw new AllocationInfeasible("infeasible.regionSum", String.valueOf(sum), String.valueOf(problem.available()));
    }
  }

  /** The number as sent, but 1E-400 stays short instead of 400 digits long. */
  private static String shown(BigDecimal number) {
    boolean shortWhenPlain = number.precision() <= 40 && Math.abs((long) number.scale()) <= 40;
    String shown = shortWhenPlain ? number.toPlainString() : number.toString();
    return shown.length() <= 40 ? shown : shown.substring(0, 40) + "…";
  }

  /** A refusal whose message is the bundles' {@code key} (i18n/errors), said in the request's language. */
  private static ApiException bad(String key, Object... args) {
    return ApiException.of(HttpStatus.BAD_REQUEST, key, args);
  }

  private static ApiException unprocessable(String key, Object... args) {
    return ApiException.of(HttpStatus.UNPROCESSABLE_ENTITY, key, args);
  }
}
