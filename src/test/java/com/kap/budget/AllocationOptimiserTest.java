package com.kap.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kap.budget.AllocationResult.NextInLine;
import com.kap.budget.AllocationResult.Unfunded;
import com.kap.budget.internal.AllocationCheck;
import com.kap.budget.internal.AllocationGraph;
import com.kap.budget.internal.AllocationGreedy;
import com.kap.budget.internal.AllocationMip;
import com.kap.budget.internal.AllocationProblemValidator;
import com.kap.budget.internal.AllocationProperties;
import com.kap.budget.internal.AllocationView;
import com.kap.platform.web.ApiException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** The optimiser against exhaustive search, then each reason, the next in line, sensitivity and every refusal. */
class AllocationOptimiserTest {

  /**
   * The node limit, not the wall clock, bounds these searches: a deadline of minutes that a busy machine (a CI host
   * running other builds) cannot reach, so that "optimal" does not depend on the host's load. Tests of the deadline
   * itself set one of a millisecond.
   */
  private final AllocationOptimiser optimiser = new AllocationOptimiser(new AllocationProperties(Duration.ofMinutes(5)));

  // ---------------------------------------------------------------------------------------------------------------
  // Exhaustive search

  @Test
  void findsTheExhaustiveOptimumOfRandomSmallRounds() {
    Random random = new Random(4711);
    Map<String, Integer> exercised = new HashMap<>();
    for (int round = 0; round < 240; round++) {
      AllocationProblem problem = randomProblem(random, 1 + round % 14);
      ExhaustiveSearch exhaustive = new ExhaustiveSearch(problem, problem.available());
      countKinds(problem, exhaustive, exercised);
      String context = "round " + round + ": " + problem;

      if (exhaustive.best == null) {
        assertThatThrownBy(() -> optimiser.solve(problem)).as(context).isInstanceOf(AllocationInfeasible.class);
        continue;
      }
      AllocationResult result = optimiser.solve(problem, true);

      assertThat(result.optimal()).as(context).isTrue();
      assertThat(cents(result.totalBenefit())).as(context).isEqualTo(exhaustive.bestBenefit);
      long mask = maskOf(problem, result.funded());
      assertThat(exhaustive.feasible(mask)).as(context).isTrue();
      assertThat(result.totalCost()).as(context).isEqualTo(exhaustive.cost(mask)).isEqualTo(exhaustive.bestCost);
      if (exhaustive.unique) {
        assertThat(mask).as(context + ": the tie-break's allocation").isEqualTo(exhaustive.best);
      }
      assertThat(result.available()).isEqualTo(problem.available());
      assertThat(result.unfunded()).extracting(Unfunded::id).as(context)
          .containsExactlyElementsOf(idsOf(problem, ~mask));
      result.unfunded().forEach(unfunded -> assertReasonHolds(problem, result, unfunded, context));
      assertSensitivity(problem, result.sensitivity().minus10Percent(), problem.available() * 9 / 10, context);
      assertSensitivity(problem, result.sensitivity().plus10Percent(), problem.available() * 11 / 10, context);
    }
    assertThat(exercised).as("constraint kinds exercised by the random rounds")
        .containsKeys("mustFund", "exclusiveGroup", "requires", "requiresChain", "regionMinimum", "ineligible",
            "reserve", "infeasible", "feasible", "bindingRegionMinimum", "tiedOptimum")
        .allSatisfy((kind, count) -> assertThat(count).as(kind).isGreaterThanOrEqualTo(5));
  }

  private void assertSensitivity(AllocationProblem problem, AllocationResult.Point point, long available,
      String context) {
    ExhaustiveSearch exhaustive = new ExhaustiveSearch(problem, available);
    assertThat(point.available()).isEqualTo(available);
    if (exhaustive.best == null) {
      assertThat(point.infeasible()).as(context).isTrue();
      assertThat(point.totalBenefit()).isNull();
      return;
    }
    assertThat(point.optimal()).as(context).isTrue();
    assertThat(cents(point.totalBenefit())).as(context).isEqualTo(exhaustive.bestBenefit);
    if (exhaustive.unique) {
      assertThat(point.fundedCount()).as(context).isEqualTo(Long.bitCount(exhaustive.best));
    }
  }

  private static void assertReasonHolds(AllocationProblem problem, AllocationResult result, Unfunded unfunded,
      String context) {
    AllocationBid bid = bid(problem, unfunded.id());
    List<String> funded = result.funded();
    long left = result.available() - result.totalCost();
    switch (unfunded.reason()) {
      case NOT_ELIGIBLE -> assertThat(bid.eligible()).as(context).isFalse();
      case EXCLUDED_BY_GROUP -> assertThat(problem.bids()).as(context).anyMatch(other -> funded.contains(other.id())
          && bid.exclusiveGroup().equals(other.exclusiveGroup())
          && unfunded.detail().startsWith(other.id() + " of exclusivity group"));
      case REQUIREMENT_UNFUNDED -> assertThat(bid.requires()).as(context)
          .anyMatch(r -> !funded.contains(r) && unfunded.detail().startsWith("requires " + r + ","));
      case OVER_BUDGET -> assertThat(bid.cost()).as(context).isGreaterThan(left);
      case LOWER_VALUE -> assertThat(bid.benefit().signum()).as(context + ": an optimum leaves out only a bid that adds"
          + " nothing or does not fit").isZero();
    }
    if (unfunded.reason() != AllocationReason.NOT_ELIGIBLE) {
      assertThat(bid.eligible()).as(context).isTrue();
    }
  }

  /** 1–14 bids, costs 1–60, benefits 0–9.99 from a small set (ties), every kind of constraint at random. */
  private static AllocationProblem randomProblem(Random random, int size) {
    String[] regions = {"EMEA", "AMER", "APAC"};
    List<AllocationBid> bids = new ArrayList<>();
    long total = 0;
    long largest = 0;
    for (int i = 0; i < size; i++) {
      long cost = 1 + random.nextInt(60);
      total += cost;
      largest = Math.max(largest, cost);
      BigDecimal benefit = BigDecimal.valueOf(random.nextInt(4) == 0 ? random.nextInt(4) * 100 : random.nextInt(1000),
          2);
      List<String> requires = new ArrayList<>();
      if (i > 0 && random.nextInt(4) == 0) {
        requires.add("B" + random.nextInt(i));
        if (i > 1 && random.nextInt(3) == 0) {
          requires.add("B" + random.nextInt(i));
        }
      }
      String group = random.nextInt(3) == 0 ? "G" + random.nextInt(3) : null;
      String region = random.nextInt(5) == 0 ? null : regions[random.nextInt(regions.length)];
      bids.add(new AllocationBid("B" + i, cost, benefit, random.nextInt(10) == 0, group,
          requires.stream().distinct().toList(), region, random.nextInt(8) != 0));
    }
    long budget = Math.max(largest, total * (20 + random.nextInt(60)) / 100);
    long reserve = random.nextBoolean() ? 0 : random.nextInt((int) Math.max(1, budget / 4));
    Map<String, Long> minimums = new LinkedHashMap<>();
    if (random.nextBoolean()) {
      minimums.put(regions[random.nextInt(regions.length)], (long) random.nextInt((int) Math.max(1, budget / 3)));
    }
    return new AllocationProblem(budget, reserve, bids, minimums);
  }

  private static void countKinds(AllocationProblem problem, ExhaustiveSearch exhaustive, Map<String, Integer> kinds) {
    Function<String, Integer> bump = kind -> kinds.merge(kind, 1, Integer::sum);
    List<AllocationBid> bids = problem.bids();
    if (bids.stream().anyMatch(AllocationBid::mustFund)) {
      bump.apply("mustFund");
    }
    Map<String, Long> perGroup = bids.stream().filter(b -> b.exclusiveGroup() != null)
        .collect(Collectors.groupingBy(AllocationBid::exclusiveGroup, Collectors.counting()));
    if (perGroup.values().stream().anyMatch(count -> count > 1)) {
      bump.apply("exclusiveGroup");
    }
    if (bids.stream().anyMatch(b -> !b.requires().isEmpty())) {
      bump.apply("requires");
    }
    if (bids.stream().anyMatch(b -> b.requires().stream().anyMatch(r -> !bid(problem, r).requires().isEmpty()))) {
      bump.apply("requiresChain");
    }
    if (problem.regionMinimum().values().stream().anyMatch(minimum -> minimum > 0)) {
      bump.apply("regionMinimum");
    }
    if (bids.stream().anyMatch(b -> !b.eligible())) {
      bump.apply("ineligible");
    }
    if (problem.reserve() > 0) {
      bump.apply("reserve");
    }
    bump.apply(exhaustive.best == null ? "infeasible" : "feasible");
    if (exhaustive.best != null && !problem.regionMinimum().isEmpty()) {
      AllocationProblem without = new AllocationProblem(problem.budget(), problem.reserve(), bids, Map.of());
      ExhaustiveSearch free = new ExhaustiveSearch(without, problem.available());
      if (free.bestBenefit > exhaustive.bestBenefit) {
        bump.apply("bindingRegionMinimum");
      }
    }
    if (exhaustive.best != null && exhaustive.tiedOnBenefit) {
      bump.apply("tiedOptimum");
    }
  }

  /**
   * Every subset of the bids: the feasible ones, and the best by most benefit, then least cost, then least sum of
   * positions — the optimiser's documented tie-break.
   */
  private static final class ExhaustiveSearch {

    final AllocationProblem problem;
    final long available;
    Long best;
    long bestBenefit = -1;
    long bestCost;
    long bestPositions;
    boolean unique;
    boolean tiedOnBenefit;

    ExhaustiveSearch(AllocationProblem problem, long available) {
      this.problem = problem;
      this.available = available;
      int n = problem.bids().size();
      for (long mask = 0; mask < 1L << n; mask++) {
        if (!feasible(mask)) {
          continue;
        }
        long benefit = benefit(mask);
        long cost = cost(mask);
        long positions = positions(mask);
        int order = best == null ? 1 : compare(benefit, cost, positions);
        if (best != null && benefit == bestBenefit) {
          tiedOnBenefit = true;
        }
        if (order > 0) {
          best = mask;
          bestBenefit = benefit;
          bestCost = cost;
          bestPositions = positions;
          unique = true;
        } else if (order == 0) {
          unique = false;
        }
      }
    }

    private int compare(long benefit, long cost, long positions) {
      if (benefit != bestBenefit) {
        return Long.compare(benefit, bestBenefit);
      }
      if (cost != bestCost) {
        return Long.compare(bestCost, cost);
      }
      return Long.compare(bestPositions, positions);
    }

    boolean feasible(long mask) {
      List<AllocationBid> bids = problem.bids();
      if (cost(mask) > available) {
        return false;
      }
      Map<String, Integer> perGroup = new HashMap<>();
      Map<String, Long> perRegion = new HashMap<>();
      for (int i = 0; i < bids.size(); i++) {
        AllocationBid bid = bids.get(i);
        boolean funded = (mask >> i & 1) == 1;
        if (bid.mustFund() && !funded) {
          return false;
        }
        if (!funded) {
          continue;
        }
        if (!bid.eligible()) {
          return false;
        }
        for (String required : bid.requires()) {
          if ((mask >> index(required) & 1) == 0) {
            return false;
          }
        }
        if (bid.exclusiveGroup() != null && perGroup.merge(bid.exclusiveGroup(), 1, Integer::sum) > 1) {
          return false;
        }
        if (bid.region() != null) {
          perRegion.merge(bid.region(), bid.cost(), Long::sum);
        }
      }
      return problem.regionMinimum().entrySet().stream()
          .allMatch(minimum -> perRegion.getOrDefault(minimum.getKey(), 0L) >= minimum.getValue());
    }

    long cost(long mask) {
      long cost = 0;
      for (int i = 0; i < problem.bids().size(); i++) {
        cost += (mask >> i & 1) == 1 ? problem.bids().get(i).cost() : 0;
      }
      return cost;
    }

    private long benefit(long mask) {
      long benefit = 0;
      for (int i = 0; i < problem.bids().size(); i++) {
        benefit += (mask >> i & 1) == 1 ? cents(problem.bids().get(i).benefit()) : 0;
      }
      return benefit;
    }

    private long positions(long mask) {
      long positions = 0;
      for (int i = 0; i < problem.bids().size(); i++) {
        positions += (mask >> i & 1) == 1 ? i + 1 : 0;
      }
      return positions;
    }

    private int index(String id) {
      return Integer.parseInt(id.substring(1));
    }
  }

  private static long cents(BigDecimal amount) {
    return amount.movePointRight(2).longValueExact();
  }

  private static long maskOf(AllocationProblem problem, List<String> ids) {
    long mask = 0;
    for (int i = 0; i < problem.bids().size(); i++) {
      mask |= ids.contains(problem.bids().get(i).id()) ? 1L << i : 0;
    }
    return mask;
  }

  private static List<String> idsOf(AllocationProblem problem, long mask) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < problem.bids().size(); i++) {
      if ((mask >> i & 1) == 1) {
        ids.add(problem.bids().get(i).id());
      }
    }
    return ids;
  }

  private static AllocationBid bid(AllocationProblem problem, String id) {
    return problem.bids().stream().filter(b -> b.id().equals(id)).findFirst().orElseThrow();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Reasons, next in line, sensitivity

  @Test
  void overBudgetSaysHowMuchMoreItNeeds() {
    AllocationResult result = optimiser.solve(problem(100_000, 0, Map.of(),
        bid("B1", 60_000, "10"), bid("B7", 52_000, "9")));

    assertThat(result.funded()).containsExactly("B1");
    assertThat(result.unfunded()).containsExactly(
        new Unfunded("B7", AllocationReason.OVER_BUDGET, "needs 12,000 more than the 40,000 left"));
  }

  @Test
  void excludedByGroupNamesTheFundedBidOfTheGroup() {
    AllocationResult result = optimiser.solve(problem(100_000, 0, Map.of(),
        bid("B1", 30_000, "10").group("crm"), bid("B2", 20_000, "8").group("crm"), bid("B3", 10_000, "1")));

    assertThat(result.funded()).containsExactly("B1", "B3");
    assertThat(result.unfunded()).containsExactly(
        new Unfunded("B2", AllocationReason.EXCLUDED_BY_GROUP, "B1 of exclusivity group 'crm' is funded"));
  }

  @Test
  void requirementUnfundedNamesTheRequirement() {
    AllocationResult result = optimiser.solve(problem(100_000, 0, Map.of(),
        bid("B1", 30_000, "10").group("crm"), bid("B2", 20_000, "1").group("crm"),
        bid("B3", 10_000, "5").requires("B2"), bid("B4", 10_000, "5").requires("B5"),
        bid("B5", 10_000, "5").ineligible()));

    assertThat(result.funded()).containsExactly("B1");
    assertThat(result.unfunded()).containsExactly(
        new Unfunded("B2", AllocationReason.EXCLUDED_BY_GROUP, "B1 of exclusivity group 'crm' is funded"),
        new Unfunded("B3", AllocationReason.REQUIREMENT_UNFUNDED, "requires B2, which is not funded"),
        new Unfunded("B4", AllocationReason.REQUIREMENT_UNFUNDED, "requires B5, which is not eligible"),
        new Unfunded("B5", AllocationReason.NOT_ELIGIBLE, "not eligible for funding"));
  }

  @Test
  void aBidOfNoBenefitIsOfLowerValueEvenWhenItFits() {
    AllocationResult result = optimiser.solve(problem(100_000, 0, Map.of(),
        bid("B1", 30_000, "10"), bid("B2", 5_000, "0")));

    assertThat(result.funded()).containsExactly("B1");
    assertThat(result.unfunded()).containsExactly(new Unfunded("B2", AllocationReason.LOWER_VALUE, "adds no benefit"));
  }

  @Test
  void theReserveIsHeldBack() {
    AllocationResult result = optimiser.solve(problem(100_000, 30_000, Map.of(),
        bid("B1", 60_000, "10"), bid("B2", 40_000, "9"), bid("B3", 35_000, "8")));

    assertThat(result.available()).isEqualTo(70_000);
    assertThat(result.funded()).containsExactly("B1");
    assertThat(result.totalCost()).isEqualTo(60_000);
    assertThat(result.unfunded()).extracting(Unfunded::detail)
        .containsExactly("needs 30,000 more than the 10,000 left", "needs 25,000 more than the 10,000 left");
  }

  @Test
  void aRegionMinimumFundsALowerValueBid() {
    AllocationResult result = optimiser.solve(problem(100_000, 0, Map.of("APAC", 40_000L),
        bid("B1", 60_000, "10").region("EMEA"), bid("B2", 50_000, "9").region("EMEA"),
        bid("B3", 40_000, "2").region("APAC")));

    assertThat(result.funded()).containsExactly("B1", "B3");
    assertThat(result.totalBenefit()).isEqualByComparingTo("12.00");
    assertThat(result.unfunded()).containsExactly(
        new Unfunded("B2", AllocationReason.OVER_BUDGET, "needs 50,000 more than the 0 left"));
  }

  @Test
  void mustFundBidsAndWhatTheyRequireAreFunded() {
    AllocationResult result = optimiser.solve(problem(100_000, 0, Map.of(),
        bid("B1", 50_000, "50"), bid("B2", 40_000, "1").mustFund().requires("B3"), bid("B3", 20_000, "1")));

    assertThat(result.funded()).containsExactly("B2", "B3");
    assertThat(result.unfunded()).containsExactly(
        new Unfunded("B1", AllocationReason.OVER_BUDGET, "needs 10,000 more than the 40,000 left"));
  }

  @Test
  void ofEquallyValuableAllocationsTheCheaperThenTheEarlierIsFunded() {
    AllocationResult cheaper = optimiser.solve(problem(60_000, 0, Map.of(),
        bid("B1", 50_000, "10"), bid("B2", 40_000, "10")));
    AllocationResult earlier = optimiser.solve(problem(100_000, 0, Map.of(),
        bid("B1", 60_000, "10"), bid("B2", 60_000, "10"), bid("B3", 60_000, "10")));

    assertThat(cheaper.funded()).containsExactly("B2");
    assertThat(earlier.funded()).containsExactly("B1");
    assertThat(earlier.unfunded()).extracting(Unfunded::reason)
        .containsExactly(AllocationReason.OVER_BUDGET, AllocationReason.OVER_BUDGET);
  }

  @Test
  void theNextInLineAreTheBidsOnlyTheBudgetHoldsBackBestBenefitPerCostFirst() {
    AllocationResult result = optimiser.solve(problem(100_000, 0, Map.of(),
        bid("F", 95_000, "90"),
        bid("A", 20_000, "10"), // 0.50 per 1,000
        bid("B", 10_000, "8"), // 0.80
        bid("C", 30_000, "30").requires("D"), // with D: 36 for 40,000 = 0.90
        bid("D", 10_000, "6"), // 0.60
        bid("E", 10_000, "9").group("g"), bid("G", 5_000, "1").group("g"), // E would be 0.90 but G is funded
        bid("H", 40_000, "0"), // no benefit: not in line
        bid("I", 50_000, "20"), // 0.40
        bid("J", 100_000, "30"), // 0.30
        bid("K", 100_000, "10"))); // 0.10, sixth

    assertThat(result.funded()).containsExactly("F", "G");
    List<NextInLine> next = result.nextInLine();
    assertThat(next).extracting(NextInLine::id).containsExactly("C", "B", "D", "A", "I");
    assertThat(next.get(0)).isEqualTo(new NextInLine("C", 40_000, 40_000, new BigDecimal("36.00"), List.of("D")));
    assertThat(next.get(1)).isEqualTo(new NextInLine("B", 10_000, 10_000, new BigDecimal("8.00"), List.of()));
    assertThat(result.unfunded()).filteredOn(u -> u.id().equals("C")).singleElement()
        .isEqualTo(new Unfunded("C", AllocationReason.REQUIREMENT_UNFUNDED, "requires D, which is not funded"));
  }

  @Test
  void sensitivitySolvesTenPercentLessAndMoreExactly() {
    AllocationResult result = optimiser.solve(problem(100_000, 0, Map.of(),
        bid("B1", 50_000, "10"), bid("B2", 45_000, "9"), bid("B3", 15_000, "4"), bid("B4", 40_000, "5")), true);

    assertThat(result.funded()).containsExactly("B1", "B2");
    assertThat(result.sensitivity().minus10Percent())
        .isEqualTo(new AllocationResult.Point(90_000, new BigDecimal("15.00"), 2, true, false));
    assertThat(result.sensitivity().plus10Percent())
        .isEqualTo(new AllocationResult.Point(110_000, new BigDecimal("23.00"), 3, true, false));
  }

  @Test
  void sensitivityIsInfeasibleWhenTheMustFundBidsNoLongerFit() {
    AllocationResult result = optimiser.solve(problem(100_000, 0, Map.of(), bid("B1", 95_000, "10").mustFund()), true);

    assertThat(result.sensitivity().minus10Percent())
        .isEqualTo(new AllocationResult.Point(90_000, null, 0, false, true));
    assertThat(result.sensitivity().plus10Percent().fundedCount()).isEqualTo(1);
  }

  @Test
  void conflictsOnlyASearchFindsAreNamed() {
    AllocationProblem problem = problem(100_000, 0, Map.of("EMEA", 50_000L),
        bid("B1", 60_000, "1").mustFund().region("APAC"), bid("B2", 50_000, "1").region("EMEA"));

    assertThatThrownBy(() -> optimiser.solve(problem)).isInstanceOf(AllocationInfeasible.class)
        .hasMessageStartingWith("infeasible: no allocation within the 100000 available meets")
        .hasMessageContaining("must-fund B1").hasMessageContaining("regionMinimum.EMEA 50000")
        .extracting(e -> ((ApiException) e).status()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
  }

  @Test
  void theSameProblemGetsTheSameAnswer() {
    AllocationProblem problem = randomProblem(new Random(99), 14);
    AllocationResult first = optimiser.solve(problem, true);

    for (int i = 0; i < 3; i++) {
      AllocationResult again = optimiser.solve(problem, true);
      assertThat(again.funded()).isEqualTo(first.funded());
      assertThat(again.unfunded()).isEqualTo(first.unfunded());
      assertThat(again.sensitivity()).isEqualTo(first.sensitivity());
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Instance families, limits and repeatability

  @Test
  void everyFamilyOfSmallRoundsGetsItsExhaustiveOptimumProven() {
    for (AllocationFamilies family : AllocationFamilies.values()) {
      int solved = 0;
      for (int seed = 1; seed <= 40 && solved < 5; seed++) {
        AllocationProblem problem = family.round(12 + seed % 5, seed);
        String context = family + " seed " + seed + ": " + problem;
        ExhaustiveSearch exhaustive = new ExhaustiveSearch(problem, problem.available());
        if (exhaustive.best == null) {
          assertThatThrownBy(() -> optimiser.solve(problem)).as(context).isInstanceOf(AllocationInfeasible.class);
          continue;
        }
        AllocationResult result = optimiser.solve(problem);
        assertThat(result.optimal()).as(context).isTrue();
        assertThat(result.gap()).as(context).isEqualByComparingTo("0");
        assertThat(cents(result.totalBenefit())).as(context).isEqualTo(exhaustive.bestBenefit);
        assertThat(cents(result.upperBound())).as(context).isEqualTo(exhaustive.bestBenefit);
        if (exhaustive.unique) {
          assertThat(maskOf(problem, result.funded())).as(context).isEqualTo(exhaustive.best);
        }
        solved++;
      }
      assertThat(solved).as(family + ": feasible rounds among the first forty").isPositive();
    }
  }

  @Test
  void minimumsThatLeaveAlmostNoRoomAddTheRowsTheyImplyWithTheBudget() {
    Map<String, Long> tight = new LinkedHashMap<>();
    tight.put("EMEA", 30L);
    tight.put("AMER", 30L);
    tight.put("APAC", 0L);
    tight.put("LATAM", 30L);

    assertThat(AllocationMip.aggregatedMinimums(tight, 100)).as("90 %: a row per nonempty set of regions")
        .hasSize(7)
        .containsExactly(java.util.Set.of("AMER"), java.util.Set.of("EMEA"), java.util.Set.of("AMER", "EMEA"),
            java.util.Set.of("LATAM"), java.util.Set.of("AMER", "LATAM"), java.util.Set.of("EMEA", "LATAM"),
            java.util.Set.of("AMER", "EMEA", "LATAM"));
    assertThat(AllocationMip.aggregatedMinimums(tight, 101)).as("89 %: none").isEmpty();
    assertThat(AllocationMip.aggregatedMinimums(Map.of(), 100)).isEmpty();
    Map<String, Long> seven = new LinkedHashMap<>();
    for (int r = 0; r < 7; r++) {
      seven.put("R" + r, 14L);
    }
    assertThat(AllocationMip.aggregatedMinimums(seven, 100)).as("more than six regions: none").isEmpty();
  }

  @Test
  void roundsWhoseMinimumsLeaveAlmostNoRoomGetTheExhaustiveOptimum() {
    Random random = new Random(1618);
    String[] regions = {"EMEA", "AMER", "APAC"};
    int solved = 0;
    for (int round = 0; round < 600 && solved < 30; round++) {
      int size = 10 + round % 7;
      List<AllocationBid> bids = new ArrayList<>();
      long total = 0;
      for (int i = 0; i < size; i++) {
        long cost = 1 + random.nextInt(40);
        total += cost;
        List<String> requires = i > 0 && random.nextInt(6) == 0 ? List.of("B" + random.nextInt(i)) : List.of();
        bids.add(new AllocationBid("B" + i, cost, BigDecimal.valueOf(random.nextInt(1000), 2), false,
            random.nextInt(6) == 0 ? "G" + random.nextInt(2) : null, requires,
            random.nextInt(6) == 0 ? null : regions[random.nextInt(regions.length)], random.nextInt(10) != 0));
      }
      long available = Math.max(40, total * (30 + random.nextInt(30)) / 100);
      Map<String, Long> minimums = new LinkedHashMap<>();
      long left = available;
      for (String region : regions) {
        long minimum = (available * (30 + random.nextInt(4)) + 99) / 100;
        minimums.put(region, Math.min(minimum, left));
        left -= minimums.get(region);
      }
      AllocationProblem problem = new AllocationProblem(available, 0, bids, minimums);
      assertThat(AllocationMip.aggregatedMinimums(minimums, available)).as("round %d: tight", round).hasSize(7);
      ExhaustiveSearch exhaustive = new ExhaustiveSearch(problem, available);
      String context = "round " + round + ": " + problem;
      if (exhaustive.best == null) {
        continue;
      }
      AllocationResult result = optimiser.solve(problem);

      assertThat(result.optimal()).as(context).isTrue();
      assertThat(cents(result.totalBenefit())).as(context).isEqualTo(exhaustive.bestBenefit);
      assertThat(result.totalCost()).as(context).isEqualTo(exhaustive.bestCost);
      if (exhaustive.unique) {
        assertThat(maskOf(problem, result.funded())).as(context).isEqualTo(exhaustive.best);
      }
      solved++;
    }
    assertThat(solved).as("feasible tight rounds").isGreaterThanOrEqualTo(20);
  }

  @Test
  void largerRoundsOfEveryFamilyGetTheSameAllocationTwice() {
    for (AllocationFamilies family : AllocationFamilies.values()) {
      AllocationProblem problem = family.round(300, 7);
      AllocationResult first = optimiser.solve(problem);
      AllocationResult second = optimiser.solve(problem);

      assertThat(second.funded()).as(family.name()).isEqualTo(first.funded());
      assertThat(second.optimal()).as(family.name()).isEqualTo(first.optimal());
      assertFeasible(problem, first);
    }
  }

  @Test
  void aDeadlineThatCutsTheSearchKeepsARepeatableAllocationMarkedNotProvenWithItsGap() {
    AllocationProblem problem = AllocationFamilies.README.round(1_000, 3);
    AllocationResult optimum = optimiser.solve(problem);
    AllocationOptimiser hurried = new AllocationOptimiser(new AllocationProperties(Duration.ofMillis(1)));

    AllocationResult first = hurried.solve(problem);
    AllocationResult second = hurried.solve(problem);

    assertThat(optimum.optimal()).isTrue();
    assertThat(first.optimal()).isFalse();
    assertThat(first.gap()).isPositive().isEqualByComparingTo(first.upperBound().subtract(first.totalBenefit()));
    assertThat(first.upperBound()).as("a bound no allocation exceeds").isGreaterThanOrEqualTo(optimum.totalBenefit());
    assertThat(first.totalBenefit()).isLessThanOrEqualTo(optimum.totalBenefit());
    assertFeasible(problem, first);
    assertThat(second.funded()).isEqualTo(first.funded());
  }

  @Test
  void whatTheRelaxationFixesEveryAllocationOfTheOptimumsBenefitShares() {
    Random random = new Random(2718);
    int fixedSomewhere = 0;
    for (int round = 0; round < 120; round++) {
      AllocationProblem problem = randomProblem(random, 4 + round % 11);
      ExhaustiveSearch exhaustive = new ExhaustiveSearch(problem, problem.available());
      if (exhaustive.best == null) {
        continue;
      }
      AllocationCheck check = new AllocationCheck(AllocationProblemValidator.check(problem), problem.regionMinimum());
      int[] fixed = AllocationMip.sharedByEveryOptimum(
          AllocationMip.relax(check, problem.available()), problem.bids().size(),
          exhaustive.bestBenefit);
      int n = problem.bids().size();
      for (long mask = 0; mask < 1L << n; mask++) {
        if (!exhaustive.feasible(mask) || exhaustive.benefit(mask) < exhaustive.bestBenefit) {
          continue;
        }
        for (int i = 0; i < n; i++) {
          if (fixed[i] >= 0) {
            assertThat((mask >> i & 1) == fixed[i]).as("round %d, bid %d: %s", round, i, problem).isTrue();
          }
        }
      }
      for (int f : fixed) {
        fixedSomewhere += f >= 0 ? 1 : 0;
      }
    }
    assertThat(fixedSomewhere).as("bids the relaxation fixed").isPositive();
  }

  @Test
  void scipsLimitOfWorkCutsTheSearchTheSameWayEveryTime() {
    AllocationProblem problem = AllocationFamilies.CORRELATED.round(200, 5);
    AllocationCheck check = new AllocationCheck(AllocationProblemValidator.check(problem), problem.regionMinimum());
    AllocationMip oneNode = new AllocationMip(1);
    long deadline = System.nanoTime() + 60_000_000_000L;

    AllocationMip.Outcome first = oneNode.maximise(check, problem.available(), null, deadline);

    assertThat(first.stop()).isEqualTo(AllocationMip.Stop.WORK_LIMIT);
    assertThat(check.feasible(first.funded(), problem.available())).isTrue();
    assertThat(first.boundCents()).isGreaterThan(check.totalCents(first.funded()));
    for (int i = 0; i < 3; i++) {
      assertThat(oneNode.maximise(check, problem.available(), null, deadline).funded()).isEqualTo(first.funded());
    }
  }

  @Test
  void whereTheGreedyStartFailsAnAllocationIsStillFoundWithinATinyDeadline() {
    // greedy takes the 60,000 bid first for EMEA's minimum; only the two 50,000 bids meet it exactly
    AllocationProblem problem = problem(100_000, 0, Map.of("EMEA", 100_000L),
        bid("B1", 60_000, "9").region("EMEA"), bid("B2", 50_000, "5").region("EMEA"),
        bid("B3", 50_000, "5").region("EMEA"), bid("B4", 10_000, "3"));
    AllocationGraph graph = AllocationProblemValidator.check(problem);
    AllocationCheck check = new AllocationCheck(graph, problem.regionMinimum());

    assertThat(AllocationGreedy.start(check, problem.available())).isNull();
    AllocationResult result = new AllocationOptimiser(new AllocationProperties(Duration.ofMillis(1))).solve(problem);

    assertThat(result.funded()).containsExactly("B2", "B3");
    assertFeasible(problem, result);
  }

  @Test
  void theGreedyStartMeetsEveryConstraint() {
    for (AllocationFamilies family : AllocationFamilies.values()) {
      AllocationProblem problem = family.round(1_000, 11);
      AllocationCheck check = new AllocationCheck(AllocationProblemValidator.check(problem), problem.regionMinimum());
      boolean[] greedy = AllocationGreedy.start(check, problem.available());
      AllocationMip.Relaxation lp =
          AllocationMip.relax(check, problem.available());
      boolean[] guided = AllocationGreedy.start(check, problem.available(), lp.value());

      assertThat(greedy).as(family.name()).isNotNull();
      assertThat(check.feasible(greedy, problem.available())).as(family.name()).isTrue();
      assertThat(check.totalCents(greedy)).as(family.name()).isPositive()
          .isLessThanOrEqualTo(check.relaxedBoundCents(problem.available()));
      assertThat(guided).as(family.name() + ", guided by the relaxation").isNotNull();
      assertThat(check.feasible(guided, problem.available())).as(family.name()).isTrue();
      assertThat(check.totalCents(guided)).as(family.name()).isLessThanOrEqualTo((long) Math.floor(lp.z() + 1e-6));
      assertThat(AllocationGreedy.start(check, problem.available(), lp.value())).isEqualTo(guided);
    }
  }

  @Test
  void amountsNearTheLimitAreCheckedInWholeNumbersNotWithTheSolversTolerance() {
    // A and B together exceed the 1,000,000,000,000 available by 1: a relative tolerance of 1e-9 would let both in
    AllocationProblem problem = problem(1_000_000_000_000L, 0, Map.of(),
        bid("A", 500_000_000_000L, "10"), bid("B", 500_000_000_001L, "10"), bid("C", 1, "0.01"));

    AllocationResult result = optimiser.solve(problem);

    assertThat(result.totalCost()).isLessThanOrEqualTo(result.available());
    assertThat(result.funded()).containsExactly("A", "C");
    assertThat(result.totalBenefit()).isEqualByComparingTo("10.01");
    assertThat(result.upperBound()).isGreaterThanOrEqualTo(result.totalBenefit());
  }

  @Test
  void theSensitivityIsComputedOnlyWhenAskedFor() {
    AllocationProblem problem = problem(100_000, 0, Map.of(), bid("B1", 50_000, "10"), bid("B2", 45_000, "9"));

    assertThat(optimiser.solve(problem).sensitivity()).isNull();
    assertThat(optimiser.solve(problem, true).sensitivity().plus10Percent().totalBenefit())
        .isEqualByComparingTo("19.00");
  }

  @Test
  void theDecisionFormSaysPlainlyWhetherTheProposalIsProvenAndHowFarItMightFallShort() {
    AllocationProblem problem = AllocationFamilies.README.round(1_000, 3);
    AllocationResult proven = optimiser.solve(problem);
    AllocationResult cut = new AllocationOptimiser(new AllocationProperties(Duration.ofMillis(1))).solve(problem);

    assertThat(AllocationView.proof(proven)).isEqualTo("**This proposal is proven optimal:** no other allocation "
        + "within the available budget has a higher total benefit.");
    assertThat(AllocationView.proof(cut)).isEqualTo("**This proposal is not proven optimal:** the search stopped at "
        + "its limit before it could prove this the best. It might fall short of the best allocation by at most "
        + cut.gap().toPlainString() + " benefit (no allocation can exceed " + cut.upperBound().toPlainString() + ").");
  }

  private static void assertFeasible(AllocationProblem problem, AllocationResult result) {
    AllocationGraph graph = AllocationProblemValidator.check(problem);
    boolean[] funded = new boolean[graph.size()];
    result.funded().forEach(id -> funded[graph.index(id)] = true);
    AllocationCheck check = new AllocationCheck(graph, problem.regionMinimum());
    assertThat(check.feasible(funded, problem.available())).isTrue();
    assertThat(result.totalCost()).isEqualTo(check.totalCost(funded));
    assertThat(cents(result.totalBenefit())).isEqualTo(check.totalCents(funded));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Refusals

  @Test
  void refusesValuesThatAreWrongByThemselvesWith400() {
    assertRefused(problem(0, 0, Map.of(), bid("B1", 1, "1")), HttpStatus.BAD_REQUEST,
        "budget: must be a whole number above 0");
    assertRefused(problem(100, -1, Map.of(), bid("B1", 1, "1")), HttpStatus.BAD_REQUEST,
        "reserve: must be a whole number, 0 or more");
    assertRefused(problem(100, 0, Map.of(), bid("B1", 1, "1"), bid("B2", 1, "1"), bid("B3", 1, "1"),
        bid("B4", 0, "1")), HttpStatus.BAD_REQUEST, "bids[3].cost: must be a whole number above 0");
    assertRefused(problem(100, 0, Map.of(), bid("B1", -5, "1")), HttpStatus.BAD_REQUEST,
        "bids[0].cost: must be a whole number above 0");
    assertRefused(problem(100, 0, Map.of(), bid(" ", 5, "1")), HttpStatus.BAD_REQUEST, "bids[0].id: required");
    assertRefused(problem(100, 0, Map.of(), bid("B1", 5, "-0.01")), HttpStatus.BAD_REQUEST,
        "bids[0].benefit: must be 0 or more, got -0.01");
    assertRefused(problem(100, 0, Map.of(), bid("B1", 5, "1.005")), HttpStatus.BAD_REQUEST,
        "bids[0].benefit: at most two decimals, got 1.005");
    assertRefused(problem(100, 0, Map.of("EMEA", -1L), bid("B1", 5, "1")), HttpStatus.BAD_REQUEST,
        "regionMinimum.EMEA: must be a whole number, 0 or more");
    assertRefused(problem(100_000, 0, Map.of(), bid("B1", 1, "1"), bid("B2", 1, "1"), bid("B3", 1, "1"),
        bid("B4", 1, "1"), bid("B5", 1, "1"), bid("B2", 1, "1")), HttpStatus.BAD_REQUEST,
        "bids[5].id: duplicate 'B2'");
    List<AllocationBid> tooMany = new ArrayList<>();
    for (int i = 0; i <= AllocationProblemValidator.MAX_BIDS; i++) {
      tooMany.add(AllocationBid.of("B" + i, 1, BigDecimal.ONE));
    }
    assertRefused(new AllocationProblem(100, 0, tooMany, Map.of()), HttpStatus.BAD_REQUEST,
        "bids: at most 20000 bids, got 20001");
  }

  @Test
  void refusesValuesThatContradictEachOtherWith422() {
    assertRefused(problem(100_000, 100_000, Map.of(), bid("B1", 1, "1")), HttpStatus.UNPROCESSABLE_ENTITY,
        "reserve: 100000 must be below the budget of 100000");
    assertRefused(problem(100_000, 0, Map.of(), bid("B1", 1, "1"), bid("B2", 1, "1"), bid("B3", 1, "1"),
        bid("B4", 120_000, "1")), HttpStatus.UNPROCESSABLE_ENTITY, "bids[3].cost: 120000 is above the budget of 100000");
    assertRefused(problem(100_000, 0, Map.of(), bid("B1", 1, "1").requires("B9")), HttpStatus.UNPROCESSABLE_ENTITY,
        "bids[0].requires: unknown bid 'B9'");
    assertRefused(problem(100_000, 0, Map.of(), bid("B1", 1, "1").requires("B2"), bid("B2", 1, "1").requires("B1")),
        HttpStatus.UNPROCESSABLE_ENTITY, "requires: cycle B1 → B2 → B1");
    assertRefused(problem(100_000, 0, Map.of(), bid("B0", 1, "1"), bid("B1", 1, "1").requires("B3"),
        bid("B2", 1, "1").requires("B1"), bid("B3", 1, "1").requires("B2")), HttpStatus.UNPROCESSABLE_ENTITY,
        "requires: cycle B1 → B3 → B2 → B1");
    assertRefused(problem(100_000, 0, Map.of(), bid("B1", 1, "1").requires("B1")), HttpStatus.UNPROCESSABLE_ENTITY,
        "requires: cycle B1 → B1");
  }

  @Test
  void refusesConstraintsNoAllocationCanMeetAsInfeasible() {
    assertInfeasible(problem(100_000, 10_000, Map.of(), bid("B1", 50_000, "1").mustFund().requires("B3"),
        bid("B2", 30_000, "1").mustFund(), bid("B3", 20_000, "1")),
        "infeasible: must-fund bids cost 100000 > 90000 available (budget 100000 − reserve 10000), counting the 1 bid(s)"
            + " they require");
    assertInfeasible(problem(100_000, 0, Map.of(), bid("B1", 1, "1").mustFund().group("crm"),
        bid("B2", 1, "1").group("crm"), bid("B3", 1, "1").mustFund().requires("B2")),
        "infeasible: exclusivity group 'crm' holds two bids that must be funded: B1 (must-fund) and B2 (required by"
            + " must-fund B3)");
    assertInfeasible(problem(100_000, 0, Map.of(), bid("B1", 1, "1"), bid("B2", 1, "1").mustFund().ineligible()),
        "bids[1].mustFund: B2 must be funded but is not eligible");
    assertInfeasible(problem(100_000, 0, Map.of(), bid("B1", 1, "1").ineligible(), bid("B2", 1, "1").mustFund()
        .requires("B1")), "bids[1].mustFund: B2 must be funded but requires B1, which is not eligible");
    assertInfeasible(problem(100_000, 0, Map.of("EMEA", 50_000L), bid("B1", 30_000, "1").region("EMEA"),
        bid("B2", 30_000, "1").region("EMEA").ineligible()),
        "regionMinimum.EMEA: 50000 cannot be reached: the eligible bids in EMEA cost 30000 in all");
    assertInfeasible(problem(100_000, 0, Map.of("LATAM", 1L), bid("B1", 30_000, "1").region("EMEA")),
        "regionMinimum.LATAM: 1 cannot be reached: no eligible bid is in LATAM");
    assertInfeasible(problem(100_000, 50_000, Map.of("EMEA", 60_000L), bid("B1", 60_000, "1").region("EMEA")),
        "regionMinimum.EMEA: 60000 is above the 50000 available");
    assertInfeasible(problem(100_000, 0, Map.of("EMEA", 60_000L, "APAC", 60_000L),
        bid("B1", 60_000, "1").region("EMEA"), bid("B2", 60_000, "1").region("APAC")),
        "regionMinimum: the minimums add up to 120000 > 100000 available");
  }

  @Test
  void aTimeLimitMustBePositive() {
    assertThatThrownBy(() -> new AllocationProperties(Duration.ZERO))
        .hasMessage("kap.budget.optimiser.time-limit: must be above 0, got PT0S");
  }

  private void assertRefused(AllocationProblem problem, HttpStatus status, String message) {
    assertThatThrownBy(() -> optimiser.solve(problem)).isInstanceOf(ApiException.class).hasMessage(message)
        .extracting(e -> ((ApiException) e).status()).isEqualTo(status);
  }

  private void assertInfeasible(AllocationProblem problem, String message) {
    assertThatThrownBy(() -> optimiser.solve(problem)).isInstanceOf(AllocationInfeasible.class).hasMessage(message)
        .extracting(e -> ((ApiException) e).status()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Building problems

  private static AllocationProblem problem(long budget, long reserve, Map<String, Long> regionMinimum,
      TestBid... bids) {
    return new AllocationProblem(budget, reserve, java.util.Arrays.stream(bids).map(TestBid::build).toList(),
        regionMinimum);
  }

  private static TestBid bid(String id, long cost, String benefit) {
    return new TestBid(id, cost, new BigDecimal(benefit));
  }

  private static final class TestBid {
    private final String id;
    private final long cost;
    private final BigDecimal benefit;
    private boolean mustFund;
    private String group;
    private final List<String> requires = new ArrayList<>();
    private String region;
    private boolean eligible = true;

    TestBid(String id, long cost, BigDecimal benefit) {
      this.id = id;
      this.cost = cost;
      this.benefit = benefit;
    }

    TestBid mustFund() {
      mustFund = true;
      return this;
    }

    TestBid group(String group) {
      this.group = group;
      return this;
    }

    TestBid requires(String id) {
      requires.add(id);
      return this;
    }

    TestBid region(String region) {
      this.region = region;
      return this;
    }

    TestBid ineligible() {
      eligible = false;
      return this;
    }

    AllocationBid build() {
      return new AllocationBid(id, cost, benefit, mustFund, group, requires, region, eligible);
    }
  }
}
