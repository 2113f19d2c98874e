package com.kap.benchmark;

import static com.kap.benchmark.BenchmarkSupport.report;
import static org.assertj.core.api.Assertions.assertThat;

import com.kap.budget.AllocationBid;
import com.kap.budget.AllocationOptimiser;
import com.kap.budget.AllocationProblem;
import com.kap.budget.AllocationProperties;
import com.kap.budget.AllocationResult;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The exact budget optimiser on seeded random rounds of 100, 1,000 and 10,000 bids with every kind of constraint,
 * against a greedy benefit-per-cost ranking: {@code ./mvnw -Pbenchmark test -Dtest=AllocationBenchmark}. No Spring
 * context: the optimiser alone, with the default 10 s time limit per solve.
 */
class AllocationBenchmark {

  private static final String[] REGIONS = {"EMEA", "AMER", "APAC", "LATAM"};
  /** Weaker regions score lower, so that their minimums bind. */
  private static final double[] REGION_BENEFIT = {1.0, 0.9, 0.8, 0.6};

  private final AllocationOptimiser optimiser = new AllocationOptimiser(new AllocationProperties(Duration.ofSeconds(10)));

  @Test
  void optimumAgainstGreedy() throws IOException {
    optimiser.solve(round(200, 1)); // warm-up: native library, JIT
    report("");
    report("Allocation optimiser, " + Runtime.getRuntime().availableProcessors()
        + " processors, time limit 10 s per solve:");
    report("");
    report("| bids | proven optimal | exact solve, median (min–max) | whole call with explanation and ±10 % solves, median"
        + " | optimum benefit | greedy benefit | greedy / optimum | greedy meets region minimums |");
    report("|---|---|---|---|---|---|---|---|");
    for (int size : new int[] {100, 1_000, 10_000}) {
      measure(size, size <= 1_000 ? 5 : 3);
    }
  }

  private void measure(int size, int runs) throws IOException {
    AllocationProblem problem = round(size, size);
    optimiser.solve(problem); // warm-up of this size
    long[] solveMillis = new long[runs];
    long[] callMillis = new long[runs];
    AllocationResult result = null;
    for (int run = 0; run < runs; run++) {
      long start = System.nanoTime();
      result = optimiser.solve(problem);
      callMillis[run] = (System.nanoTime() - start) / 1_000_000;
      solveMillis[run] = result.solveMillis();
    }
    Arrays.sort(solveMillis);
    Arrays.sort(callMillis);
    Greedy greedy = new Greedy(problem);
    assertThat(greedy.benefit).isLessThanOrEqualTo(result.totalBenefit());
    report(String.format(Locale.ROOT, "| %,d | %s | %,d ms (%,d–%,d) | %,d ms | %s | %s | %s %% | %s |", size,
        result.optimal() ? "yes" : "no", solveMillis[runs / 2], solveMillis[0], solveMillis[runs - 1],
        callMillis[runs / 2], result.totalBenefit(), greedy.benefit,
        greedy.benefit.multiply(BigDecimal.valueOf(100)).divide(result.totalBenefit(), 2, RoundingMode.HALF_EVEN),
        greedy.meetsMinimums ? "yes" : "no"));
  }

  /**
   * Costs 5,000–500,000; benefits 0–100 with two decimals; budget 30 % of all costs, 5 % of it reserved; about 10 %
   * of the bids in exclusivity groups of 2–3, 10 % requiring one or two earlier bids (so chains form), 2 % must-fund,
   * 3 % ineligible; four regions, each with a minimum of 20 % of what is available.
   */
  static AllocationProblem round(int size, long seed) {
    Random random = new Random(seed);
    long[] cost = new long[size];
    BigDecimal[] benefit = new BigDecimal[size];
    String[] region = new String[size];
    String[] group = new String[size];
    List<List<String>> requires = new ArrayList<>();
    boolean[] eligible = new boolean[size];
    long totalCost = 0;
    for (int i = 0; i < size; i++) {
      cost[i] = 5_000 + random.nextInt(495_001);
      totalCost += cost[i];
      int r = random.nextInt(REGIONS.length);
      region[i] = REGIONS[r];
      benefit[i] = BigDecimal.valueOf((long) (random.nextInt(10_001) * REGION_BENEFIT[r]), 2);
      eligible[i] = random.nextInt(100) >= 3;
      List<String> required = new ArrayList<>();
      if (i > 0 && random.nextInt(100) < 10) {
        required.add("B" + random.nextInt(i));
        if (i > 1 && random.nextInt(4) == 0) {
          required.add("B" + random.nextInt(i));
        }
      }
      requires.add(required.stream().distinct().toList());
    }
    int grouped = 0;
    for (int g = 0; grouped < size / 10; g++) {
      int members = 2 + random.nextInt(2);
      for (int m = 0; m < members; m++) {
        int i = random.nextInt(size);
        if (group[i] == null) {
          group[i] = "G" + g;
          grouped++;
        }
      }
    }
    boolean[] mustFund = mustFund(size, random, requires, group, eligible);
    List<AllocationBid> bids = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      bids.add(new AllocationBid("B" + i, cost[i], benefit[i], mustFund[i], group[i], requires.get(i), region[i],
          eligible[i]));
    }
    long budget = totalCost * 3 / 10;
    long reserve = budget / 20;
    Map<String, Long> minimums = new LinkedHashMap<>();
    for (String r : REGIONS) {
      minimums.put(r, (budget - reserve) / 5);
    }
    return new AllocationProblem(budget, reserve, bids, minimums);
  }

  /** About 2 % must-fund bids whose requirements are all eligible and never two of one group. */
  private static boolean[] mustFund(int size, Random random, List<List<String>> requires, String[] group,
      boolean[] eligible) {
    boolean[] mustFund = new boolean[size];
    BitSet mandatory = new BitSet();
    Set<String> groupsTaken = new HashSet<>();
    for (int tries = 0, chosen = 0; chosen < Math.max(1, size / 50) && tries < size; tries++) {
      int candidate = random.nextInt(size);
      BitSet closure = new BitSet();
      List<Integer> todo = new ArrayList<>(List.of(candidate));
      while (!todo.isEmpty()) {
        int i = todo.remove(todo.size() - 1);
        if (!closure.get(i)) {
          closure.set(i);
          requires.get(i).forEach(id -> todo.add(Integer.parseInt(id.substring(1))));
        }
      }
      Set<String> groups = new HashSet<>();
      boolean fits = closure.stream().allMatch(i -> eligible[i]
          && (group[i] == null || mandatory.get(i) || (!groupsTaken.contains(group[i]) && groups.add(group[i]))));
      if (fits) {
        mustFund[candidate] = true;
        mandatory.or(closure);
        groupsTaken.addAll(groups);
        chosen++;
      }
    }
    return mustFund;
  }

  /**
   * What a spreadsheet would do: the must-fund bids, then per region the best benefit per cost until its minimum is
   * met, then the best benefit per cost overall; each bid with the bids it requires, if all fit, are eligible and
   * clash with no funded bid's group.
   */
  static final class Greedy {

    final BigDecimal benefit;
    final boolean meetsMinimums;
    private final AllocationProblem problem;
    private final Map<String, Integer> index = new HashMap<>();
    private final boolean[] funded;
    private final Set<String> groupsFunded = new HashSet<>();
    private long left;

    Greedy(AllocationProblem problem) {
      this.problem = problem;
      List<AllocationBid> bids = problem.bids();
      for (int i = 0; i < bids.size(); i++) {
        index.put(bids.get(i).id(), i);
      }
      funded = new boolean[bids.size()];
      left = problem.available();
      bids.stream().filter(AllocationBid::mustFund).forEach(b -> fund(index.get(b.id())));
      List<Integer> ranking = new ArrayList<>();
      for (int i = 0; i < bids.size(); i++) {
        ranking.add(i);
      }
      ranking.sort(Comparator.comparing((Integer i) -> bids.get(i).benefit()
          .divide(BigDecimal.valueOf(bids.get(i).cost()), 12, RoundingMode.HALF_EVEN)).reversed());
      boolean met = true;
      for (Map.Entry<String, Long> minimum : problem.regionMinimum().entrySet()) {
        for (int i : ranking) {
          if (regionCost(minimum.getKey()) >= minimum.getValue()) {
            break;
          }
          if (minimum.getKey().equals(bids.get(i).region())) {
            fund(i);
          }
        }
        met &= regionCost(minimum.getKey()) >= minimum.getValue();
      }
      ranking.forEach(this::fund);
      meetsMinimums = met;
      BigDecimal total = BigDecimal.ZERO;
      for (int i = 0; i < funded.length; i++) {
        total = funded[i] ? total.add(bids.get(i).benefit()) : total;
      }
      benefit = total.setScale(2);
    }

    private void fund(int bid) {
      List<Integer> bundle = new ArrayList<>();
      List<Integer> todo = new ArrayList<>(List.of(bid));
      Set<String> groups = new HashSet<>();
      long cost = 0;
      while (!todo.isEmpty()) {
        int i = todo.remove(todo.size() - 1);
        if (funded[i] || bundle.contains(i)) {
          continue;
        }
        AllocationBid b = problem.bids().get(i);
        String group = b.exclusiveGroup();
        if (!b.eligible() || (group != null && (groupsFunded.contains(group) || !groups.add(group)))) {
          return;
        }
        bundle.add(i);
        cost += b.cost();
        b.requires().forEach(id -> todo.add(index.get(id)));
      }
      if (cost <= left) {
        bundle.forEach(i -> funded[i] = true);
        groupsFunded.addAll(groups);
        left -= cost;
      }
    }

    private long regionCost(String region) {
      long cost = 0;
      for (int i = 0; i < funded.length; i++) {
        cost += funded[i] && region.equals(problem.bids().get(i).region()) ? problem.bids().get(i).cost() : 0;
      }
      return cost;
    }
  }
}
