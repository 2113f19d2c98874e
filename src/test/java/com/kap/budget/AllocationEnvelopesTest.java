package com.kap.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kap.budget.AllocationResult.EnvelopeUse;
import com.kap.budget.AllocationResult.Unfunded;
import com.kap.budget.internal.AllocationCheck;
import com.kap.budget.internal.AllocationProblemValidator;
import com.kap.budget.internal.AllocationProperties;
import com.kap.platform.web.ApiException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Segment budget envelopes: the funded bids of a segment cost at most its envelope. Binding and not binding, the
 * envelope named as the reason, what the envelopes cost in benefit, a conflict with region minimums, and the optimum
 * against exhaustive search on random small rounds with envelopes and every other constraint kind.
 */
class AllocationEnvelopesTest {

  private final AllocationOptimiser optimiser = new AllocationOptimiser(new AllocationProperties(Duration.ofMinutes(5)));

  @Test
  void aBindingEnvelopeKeepsItsSegmentWithinAndIsNamedAsTheReason() {
    // without envelopes S1 + S2 (benefit 18) would win; Strategic may spend 60,000
    AllocationProblem problem = new AllocationProblem(100_000, 0, List.of(
        bid("S1", 50_000, "10", "Strategic", null), bid("S2", 40_000, "8", "Strategic", null),
        bid("T1", 30_000, "5", "Star", null), bid("T2", 20_000, "3", "Star", null)), Map.of(),
        envelopes("Strategic", 60_000, "Star", 50_000));

    AllocationResult result = optimiser.solve(problem);

    assertThat(result.funded()).containsExactly("S1", "T1", "T2");
    assertThat(result.totalBenefit()).isEqualByComparingTo("18");
    assertThat(result.optimal()).isTrue();
    assertThat(result.unfunded()).containsExactly(new Unfunded("S2", AllocationReason.OVER_ENVELOPE,
        "the Strategic envelope of 60,000 has 10,000 left; the bid needs 30,000 more"));
    assertThat(result.envelopes()).containsExactly(new EnvelopeUse("Strategic", 60_000, 50_000),
        new EnvelopeUse("Star", 50_000, 50_000));
    // without envelopes: S1 + S2 (90,000, benefit 18) — a tie in benefit, so the envelopes cost nothing here
    assertThat(result.envelopeCost().withoutEnvelopes()).isEqualByComparingTo("18");
    assertThat(result.envelopeCost().benefit()).isEqualByComparingTo("0");
    assertThat(result.envelopeCost().proven()).isTrue();
    assertThat(result.nextInLine()).as("more budget alone would not fund S2").isEmpty();
  }

  @Test
  void whatTheEnvelopesCostIsTheOptimumWithoutThemMinusWith() {
    AllocationProblem problem = new AllocationProblem(100_000, 10_000, List.of(
        bid("S1", 50_000, "20", "Strategic", null), bid("S2", 40_000, "15", "Strategic", null),
        bid("T1", 30_000, "6", "Star", null)), Map.of(), envelopes("Strategic", 55_000, "Star", 35_000));

    AllocationResult result = optimiser.solve(problem);

    assertThat(result.funded()).containsExactly("S1", "T1");
    assertThat(result.totalBenefit()).isEqualByComparingTo("26");
    assertThat(result.envelopeCost().withoutEnvelopes()).isEqualByComparingTo("35"); // S1 + S2 in the 90,000
    assertThat(result.envelopeCost().benefit()).isEqualByComparingTo("9");
    assertThat(optimiser.solve(problem.withoutEnvelopes()).totalBenefit()).isEqualByComparingTo("35");
  }

  @Test
  void envelopesThatDoNotBindChangeNothing() {
    List<AllocationBid> bids = List.of(bid("S1", 50_000, "10", "Strategic", null),
        bid("T1", 30_000, "5", "Star", null), bid("U1", 30_000, "4", "Status", null));
    AllocationProblem problem = new AllocationProblem(80_000, 0, bids, Map.of(),
        envelopes("Strategic", 55_000, "Star", 40_000, "Status", 40_000));

    AllocationResult with = optimiser.solve(problem);
    AllocationResult without = optimiser.solve(problem.withoutEnvelopes());

    assertThat(with.funded()).isEqualTo(without.funded()).containsExactly("S1", "T1");
    assertThat(with.unfunded()).containsExactly(new Unfunded("U1", AllocationReason.OVER_BUDGET,
        "needs 30,000 more than the 0 left"));
    assertThat(with.envelopeCost().benefit()).isEqualByComparingTo("0");
    assertThat(without.envelopes()).isNull();
    assertThat(without.envelopeCost()).isNull();
  }

  @Test
  void anEnvelopeThatLeavesARegionMinimumUnreachableIsInfeasibleAndNamed() {
    // EMEA must get 50,000, but its only bids are Strategic, whose envelope is 30,000
    AllocationProblem problem = new AllocationProblem(100_000, 0, List.of(
        bid("S1", 30_000, "10", "Strategic", "EMEA"), bid("S2", 25_000, "8", "Strategic", "EMEA"),
        bid("T1", 30_000, "5", "Star", "APAC")), Map.of("EMEA", 50_000L), envelopes("Strategic", 30_000, "Star", 70_000));

    assertThatThrownBy(() -> optimiser.solve(problem)).isInstanceOf(AllocationInfeasible.class)
        .hasMessageStartingWith("infeasible: no allocation within the 100000 available meets ")
        .hasMessageContaining("regionMinimum.EMEA 50000").hasMessageContaining("segmentEnvelope.Strategic 30000")
        .hasMessageNotContaining("Star ").hasMessageEndingWith(" together");
  }

  @Test
  void refusesANegativeEnvelope() {
    AllocationProblem problem = new AllocationProblem(100, 0, List.of(bid("B1", 5, "1", "Star", null)), Map.of(),
        Map.of("Star", -1L));
    assertThatThrownBy(() -> optimiser.solve(problem)).isInstanceOf(ApiException.class)
        .hasMessageContaining("segmentEnvelope.Star: must be a whole number, 0 or more");
  }

  @Test
  void findsTheExhaustiveOptimumOfRandomSmallRoundsWithEnvelopes() {
    Random random = new Random(2111);
    String[] segments = {"Strategic", "Star", "Status", "Streamline"};
    String[] regions = {"EMEA", "APAC"};
    int bindingRounds = 0;
    for (int round = 0; round < 120; round++) {
      int n = 2 + round % 10;
      List<AllocationBid> bids = new ArrayList<>();
      long total = 0;
      for (int i = 0; i < n; i++) {
        long cost = 1_000L * (1 + random.nextInt(40));
        total += cost;
        String group = random.nextInt(6) == 0 ? "G" + random.nextInt(2) : null;
        List<String> requires = i > 0 && random.nextInt(8) == 0 ? List.of("B" + random.nextInt(i)) : List.of();
        bids.add(new AllocationBid("B" + i, cost, BigDecimal.valueOf(random.nextInt(1000), 2),
            random.nextInt(15) == 0, group, requires, regions[random.nextInt(2)], random.nextInt(12) != 0,
            segments[random.nextInt(4)]));
      }
      long budget = Math.max(1, total * (30 + random.nextInt(60)) / 100);
      Map<String, Long> envelopes = new LinkedHashMap<>();
      double[] shares = {0.55, 0.30, 0.12, 0.03};
      for (int s = 0; s < segments.length; s++) {
        envelopes.put(segments[s], (long) Math.floor(budget * shares[s] * (0.8 + random.nextDouble() * 0.6)));
      }
      Map<String, Long> minimums = random.nextInt(3) == 0 ? Map.of("EMEA", budget / 5) : Map.of();
      for (AllocationBid bid : bids) {
        if (bid.cost() > budget) {
          budget = bid.cost(); // no bid above the budget: the validator's rule
        }
      }
      AllocationProblem problem = new AllocationProblem(budget, 0, bids, minimums, envelopes);
      String context = "round " + round + ": " + problem;
      try {
        AllocationProblemValidator.check(problem);
      } catch (RuntimeException refused) {
        continue; // e.g. a must-fund bid that is not eligible: refused before any search, as the other tests show
      }
      long[] best = exhaustive(problem);
      long[] free = exhaustive(problem.withoutEnvelopes());

      if (best == null) {
        assertThatThrownBy(() -> optimiser.solve(problem)).as(context).isInstanceOf(AllocationInfeasible.class);
        continue;
      }
      AllocationResult result = optimiser.solve(problem);
      assertThat(result.optimal()).as(context).isTrue();
      assertThat(result.totalBenefit().movePointRight(2).longValueExact()).as(context).isEqualTo(best[0]);
      assertThat(result.totalCost()).as(context + " (least cost among optima)").isEqualTo(best[1]);
      AllocationCheck check = new AllocationCheck(AllocationProblemValidator.check(problem), minimums, envelopes);
      assertThat(check.feasible(mask(problem, result.funded()), problem.available())).as(context).isTrue();
      for (EnvelopeUse use : result.envelopes()) {
        assertThat(use.spent()).as(context).isLessThanOrEqualTo(use.envelope());
      }
      if (free != null) {
        assertThat(result.envelopeCost().benefit().movePointRight(2).longValueExact()).as(context)
            .isEqualTo(free[0] - best[0]);
        bindingRounds += free[0] > best[0] ? 1 : 0;
      }
      for (Unfunded unfunded : result.unfunded()) {
        if (unfunded.reason() == AllocationReason.OVER_ENVELOPE) {
          AllocationBid bid = bids.stream().filter(b -> b.id().equals(unfunded.id())).findFirst().orElseThrow();
          EnvelopeUse use = result.envelopes().stream().filter(u -> u.segment().equals(bid.segment())).findFirst()
              .orElseThrow();
          assertThat(bid.cost()).as(context).isGreaterThan(use.envelope() - use.spent());
        }
      }
    }
    assertThat(bindingRounds).as("rounds where the envelopes cost benefit").isGreaterThan(10);
  }

  /** The best benefit (hundredths) and, among allocations of it, the least cost; null when none is feasible. */
  private static long[] exhaustive(AllocationProblem problem) {
    try {
      AllocationProblemValidator.check(problem);
    } catch (AllocationInfeasible refused) {
      return null;
    }
    AllocationCheck check = new AllocationCheck(AllocationProblemValidator.check(problem), problem.regionMinimum(),
        problem.segmentEnvelope());
    int n = problem.bids().size();
    long[] best = null;
    for (int m = 0; m < 1 << n; m++) {
      boolean[] funded = new boolean[n];
      for (int i = 0; i < n; i++) {
        funded[i] = (m >> i & 1) == 1;
      }
      if (!check.feasible(funded, problem.available())) {
        continue;
      }
      long cents = check.totalCents(funded);
      long cost = check.totalCost(funded);
      if (best == null || cents > best[0] || (cents == best[0] && cost < best[1])) {
        best = new long[] {cents, cost};
      }
    }
    return best;
  }

  private static boolean[] mask(AllocationProblem problem, List<String> funded) {
    boolean[] mask = new boolean[problem.bids().size()];
    for (int i = 0; i < mask.length; i++) {
      mask[i] = funded.contains(problem.bids().get(i).id());
    }
    return mask;
  }

  private static AllocationBid bid(String id, long cost, String benefit, String segment, String region) {
    return new AllocationBid(id, cost, new BigDecimal(benefit), false, null, List.of(), region, true, segment);
  }

  private static Map<String, Long> envelopes(Object... segmentAndEnvelope) {
    Map<String, Long> envelopes = new LinkedHashMap<>();
    for (int i = 0; i < segmentAndEnvelope.length; i += 2) {
      envelopes.put((String) segmentAndEnvelope[i], ((Number) segmentAndEnvelope[i + 1]).longValue());
    }
    return envelopes;
  }
}
