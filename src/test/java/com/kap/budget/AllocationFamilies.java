package com.kap.budget;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Seeded random rounds of the five shapes the optimiser must solve fast and prove (issue 16), shared by the unit
 * tests (small sizes, against exhaustive search) and {@code AllocationBenchmark} (100 to 10,000 bids).
 */
public enum AllocationFamilies {

  /**
   * The README's: costs 5,000–500,000; benefits 0–100; budget 30 % of all costs, 5 % of it reserved; about 10 % of
   * the bids in exclusivity groups of 2–3, 10 % requiring one or two earlier bids, 2 % must-fund, 3 % ineligible; four
   * regions, each with a minimum of 20 % of what is available, the weaker regions scoring lower.
   */
  README("the README's") {
    @Override
    AllocationProblem build(int size, Random random) {
      Shape shape = new Shape(size, random);
      shape.requirements(10, i -> random.nextInt(i));
      shape.smallGroups(size / 10);
      shape.mustFund(Math.max(1, size / 50));
      return shape.problem(30, 20);
    }
  },

  /**
   * Two exclusivity groups of 40 % of the bids each; 5 % requiring another bid, 1 % must-fund; budget 10 % of all
   * costs; no region minimums.
   */
  TWO_GROUPS("two large exclusive groups") {
    @Override
    AllocationProblem build(int size, Random random) {
      Shape shape = new Shape(size, random);
      shape.requirements(5, i -> random.nextInt(i));
      for (int i = 0; i < size; i++) {
        int draw = random.nextInt(10);
        shape.group[i] = draw < 4 ? "A" : draw < 8 ? "B" : null;
      }
      shape.mustFund(Math.max(1, size / 100));
      return shape.problem(10, 0);
    }
  },

  /**
   * The knapsack's hard case: costs 10,000–100,000, each benefit the cost / 10,000 plus 10 (strongly correlated);
   * budget half of all costs; no other constraint.
   */
  CORRELATED("benefit strongly correlated with cost") {
    @Override
    AllocationProblem build(int size, Random random) {
      Shape shape = new Shape(size, random);
      for (int i = 0; i < size; i++) {
        shape.cost[i] = 10_000 + random.nextInt(90_001);
        shape.benefit[i] = BigDecimal.valueOf(shape.cost[i] / 100 + 1_000, 2);
        shape.region[i] = null;
        shape.eligible[i] = true;
      }
      return shape.problem(50, 0);
    }
  },

  /**
   * Chains of 2–40 bids, each requiring the one before; the later bids of a chain worth more; budget 30 %, region
   * minimums of 15 % each.
   */
  CHAINS("long requires chains") {
    @Override
    AllocationProblem build(int size, Random random) {
      Shape shape = new Shape(size, random);
      int chainStart = 0;
      int chainLength = 2 + random.nextInt(39);
      for (int i = 0; i < size; i++) {
        if (i - chainStart >= chainLength) {
          chainStart = i;
          chainLength = 2 + random.nextInt(39);
        }
        if (i > chainStart) {
          shape.requires.get(i).add("B" + (i - 1));
          shape.benefit[i] = shape.benefit[i].add(BigDecimal.valueOf(3L * (i - chainStart)));
        }
      }
      shape.smallGroups(size / 20);
      return shape.problem(30, 15);
    }
  },

  /**
   * Region minimums that leave almost no room: together 96 % of what is available, the weakest regions scoring a
   * fifth of the strongest.
   */
  TIGHT_REGIONS("tight region minimums") {
    @Override
    AllocationProblem build(int size, Random random) {
      Shape shape = new Shape(size, random);
      double[] weight = {1.0, 0.6, 0.35, 0.2};
      for (int i = 0; i < size; i++) {
        int r = random.nextInt(REGIONS.length);
        shape.region[i] = REGIONS[r];
        shape.benefit[i] = BigDecimal.valueOf((long) (random.nextInt(10_001) * weight[r]), 2);
      }
      shape.requirements(5, i -> random.nextInt(i));
      shape.smallGroups(size / 20);
      return shape.problem(30, 24);
    }
  };

  static final String[] REGIONS = {"EMEA", "AMER", "APAC", "LATAM"};

  private final String label;

  AllocationFamilies(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The same size and seed give the same round. */
  public AllocationProblem round(int size, long seed) {
    return build(size, new Random(seed * 31 + ordinal()));
  }

  abstract AllocationProblem build(int size, Random random);

  /** Bids with README-like costs, benefits and regions; the families change what they need. */
  private static final class Shape {

    final int size;
    final Random random;
    final long[] cost;
    final BigDecimal[] benefit;
    final String[] region;
    final String[] group;
    final List<List<String>> requires = new ArrayList<>();
    final boolean[] eligible;
    final boolean[] mustFund;

    Shape(int size, Random random) {
      this.size = size;
      this.random = random;
      cost = new long[size];
      benefit = new BigDecimal[size];
      region = new String[size];
      group = new String[size];
      eligible = new boolean[size];
      mustFund = new boolean[size];
      double[] regionBenefit = {1.0, 0.9, 0.8, 0.6};
      for (int i = 0; i < size; i++) {
        cost[i] = 5_000 + random.nextInt(495_001);
        int r = random.nextInt(REGIONS.length);
        region[i] = REGIONS[r];
        benefit[i] = BigDecimal.valueOf((long) (random.nextInt(10_001) * regionBenefit[r]), 2);
        eligible[i] = random.nextInt(100) >= 3;
        requires.add(new ArrayList<>());
      }
    }

    /** {@code percent} % of the bids require one earlier bid, a quarter of those a second one. */
    void requirements(int percent, java.util.function.IntUnaryOperator earlier) {
      for (int i = 1; i < size; i++) {
        if (random.nextInt(100) < percent) {
          requires.get(i).add("B" + earlier.applyAsInt(i));
          if (i > 1 && random.nextInt(4) == 0) {
            String second = "B" + earlier.applyAsInt(i);
            if (!requires.get(i).contains(second)) {
              requires.get(i).add(second);
            }
          }
        }
      }
    }

    /** About {@code bids} bids in groups of 2–3. */
    void smallGroups(int bids) {
      int grouped = 0;
      for (int g = 0; grouped < bids; g++) {
        int members = 2 + random.nextInt(2);
        for (int m = 0; m < members; m++) {
          int i = random.nextInt(size);
          if (group[i] == null) {
            group[i] = "G" + g;
            grouped++;
          }
        }
      }
    }

    /** Up to {@code count} must-fund bids whose requirements are all eligible and never two of one group. */
    void mustFund(int count) {
      BitSet mandatory = new BitSet();
      Set<String> groupsTaken = new HashSet<>();
      for (int tries = 0, chosen = 0; chosen < count && tries < size; tries++) {
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
        long closureCost = closure.stream().mapToLong(i -> cost[i]).sum();
        long mandatoryCost = mandatory.stream().mapToLong(i -> cost[i]).sum();
        if (fits && mandatoryCost + closureCost <= totalCost() / 20) {
          mustFund[candidate] = true;
          mandatory.or(closure);
          groupsTaken.addAll(groups);
          chosen++;
        }
      }
    }

    long totalCost() {
      long total = 0;
      for (long c : cost) {
        total += c;
      }
      return total;
    }

    /**
     * Budget {@code budgetPercent} % of all costs (at least the dearest bid), 5 % of it reserved; each region with an
     * eligible bid a minimum of {@code minimumPercent} % of what is available, or half of what its eligible bids cost
     * if that is less (which only small rounds reach).
     */
    AllocationProblem problem(int budgetPercent, int minimumPercent) {
      List<AllocationBid> bids = new ArrayList<>();
      long dearest = 0;
      for (int i = 0; i < size; i++) {
        bids.add(new AllocationBid("B" + i, cost[i], benefit[i], mustFund[i], group[i], requires.get(i), region[i],
            eligible[i]));
        dearest = Math.max(dearest, cost[i]);
      }
      long budget = Math.max(dearest, totalCost() * budgetPercent / 100);
      long reserve = budget / 20;
      Map<String, Long> minimums = new LinkedHashMap<>();
      if (minimumPercent > 0) {
        for (String r : REGIONS) {
          long reachable = 0;
          for (int i = 0; i < size; i++) {
            reachable += eligible[i] && r.equals(region[i]) ? cost[i] : 0;
          }
          if (reachable > 0) {
            minimums.put(r, Math.min((budget - reserve) * minimumPercent / 100, reachable / 2));
          }
        }
      }
      return new AllocationProblem(budget, reserve, bids, minimums);
    }
  }
}
