package com.kap.budget;

import com.google.ortools.Loader;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.Literal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One exact CP-SAT solve of a checked problem for a given amount available: a boolean per bid, Σ cost ≤ available,
 * must-fund bids funded, ineligible ones not, at most one per exclusivity group, a bid only with what it requires, each
 * region's minimum met. It maximises the total benefit (scaled by 100, so exactly). A second pass breaks ties without
 * giving up benefit: the least total cost, then the least sum of positions in the problem's order (earlier bids first).
 * The answer is thus the same whichever of CP-SAT's parallel workers finds it first, unless the time limit ends a pass
 * early.
 */
final class AllocationSolver {

  static {
    Loader.loadNativeLibraries();
  }

  private static final int SEED = 20_261_126;
  private static final List<String> SUBSOLVERS = List.of("max_lp", "default_lp", "core", "quick_restart",
      "pseudo_costs", "reduced_costs", "lb_tree_search");

  enum Status { OPTIMAL, FEASIBLE, INFEASIBLE, UNKNOWN }

  /** @param funded per bid index; null unless the status is OPTIMAL or FEASIBLE */
  record Solution(Status status, boolean[] funded) {}

  private final Duration timeLimit;
  private final int workers;

  AllocationSolver(Duration timeLimit) {
    this.timeLimit = timeLimit;
    this.workers = Math.max(1, Runtime.getRuntime().availableProcessors());
  }

  /** @param hint a good guess at the funded bids (e.g. the allocation at another budget), or null */
  Solution solve(AllocationGraph graph, Map<String, Long> regionMinimum, long available, boolean[] hint) {
    long deadline = System.nanoTime() + timeLimit.toNanos();
    Model model = new Model(graph, regionMinimum, available, false);
    if (hint != null) {
      model.hint(hint);
    }
    model.cp.maximize(model.benefit());
    CpSolver solver = solver(deadline);
    Status status = status(solver.solve(model.cp));
    if (status != Status.OPTIMAL) {
      return new Solution(status, status == Status.FEASIBLE ? model.values(solver) : null);
    }
    return new Solution(Status.OPTIMAL, breakTie(model, model.values(solver), deadline));
  }

  /**
   * Among allocations of the same benefit as {@code best}, the one of least cost, then of least sum of positions.
   * The deadline keeps the best found so far, {@code best} at worst.
   */
  private boolean[] breakTie(Model model, boolean[] best, long deadline) {
    if (deadline - System.nanoTime() <= 0) {
      return best;
    }
    long benefit = 0;
    for (int i = 0; i < best.length; i++) {
      benefit += best[i] ? model.scaledBenefit[i] : 0;
    }
    model.cp.addGreaterOrEqual(model.benefit(), benefit);
    model.cp.clearHints();
    model.hint(best);
    model.cp.minimize(model.costThenPosition());
    CpSolver solver = solver(deadline);
    Status status = status(solver.solve(model.cp));
    return status == Status.OPTIMAL || status == Status.FEASIBLE ? model.values(solver) : best;
  }

  /**
   * Which must-fund bids and region minimums together leave no allocation (CP-SAT's sufficient assumptions), as a
   * sentence for {@link AllocationInfeasible}.
   */
  String explainInfeasibility(AllocationGraph graph, Map<String, Long> regionMinimum, long available) {
    Model model = new Model(graph, regionMinimum, available, true);
    CpSolver solver = solver(System.nanoTime() + timeLimit.toNanos());
    CpSolverStatus status = solver.solve(model.cp);
    List<String> conflicting = new ArrayList<>();
    if (status == CpSolverStatus.INFEASIBLE) {
      for (int index : solver.sufficientAssumptionsForInfeasibility()) {
        String name = model.assumptionNames.get(index);
        if (name != null) {
          conflicting.add(name);
        }
      }
    }
    String constraints = conflicting.isEmpty()
        ? "the must-fund bids, exclusivity groups, requirements and region minimums"
        : String.join(", ", conflicting);
    return "infeasible: no allocation within the " + available + " available meets " + constraints
        + " together";
  }

  /**
   * The LP-heavy workers first, without cutting planes: on these knapsack-like models with a few side constraints,
   * measured fastest to a proof (AllocationBenchmark: the default portfolio of two workers proves no 1,000-bid round
   * within 20 s; this one proves them in well under a second, and 10,000 bids in 3–7 s).
   */
  private CpSolver solver(long deadline) {
    CpSolver solver = new CpSolver();
    solver.getParameters()
        .setMaxTimeInSeconds(Math.max(0.001, (deadline - System.nanoTime()) / 1e9))
        .setNumWorkers(workers)
        .setRandomSeed(SEED)
        .setLinearizationLevel(2)
        .setCutLevel(0)
        .addAllSubsolvers(SUBSOLVERS)
        .setLogSearchProgress(false);
    return solver;
  }

  private static Status status(CpSolverStatus status) {
    return switch (status) {
      case OPTIMAL -> Status.OPTIMAL;
      case FEASIBLE -> Status.FEASIBLE;
      case INFEASIBLE -> Status.INFEASIBLE;
      default -> Status.UNKNOWN;
    };
  }

  /** The CP-SAT model of one problem and amount available. */
  private static final class Model {

    final CpModel cp = new CpModel();
    final BoolVar[] funded;
    final long[] scaledBenefit;
    final long[] cost;
    /** Assumption literal index → the constraint it stands for, in words (only with assumptions). */
    final Map<Integer, String> assumptionNames = new LinkedHashMap<>();

    Model(AllocationGraph graph, Map<String, Long> regionMinimum, long available, boolean withAssumptions) {
      int n = graph.size();
      funded = new BoolVar[n];
      scaledBenefit = new long[n];
      cost = new long[n];
      Map<String, List<Literal>> groups = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        AllocationBid bid = graph.bid(i);
        funded[i] = cp.newBoolVar(bid.id());
        scaledBenefit[i] = bid.benefit().movePointRight(2).longValueExact();
        cost[i] = bid.cost();
        if (!bid.eligible()) {
          cp.addEquality(funded[i], 0);
        }
        if (bid.exclusiveGroup() != null) {
          groups.computeIfAbsent(bid.exclusiveGroup(), g -> new ArrayList<>()).add(funded[i]);
        }
      }
      for (int i = 0; i < n; i++) {
        for (int required : graph.requires(i)) {
          cp.addImplication(funded[i], funded[required]);
        }
        if (graph.bid(i).mustFund()) {
          if (withAssumptions) {
            assume(funded[i], "must-fund " + graph.id(i));
          } else {
            cp.addEquality(funded[i], 1);
          }
        }
      }
      groups.values().stream().filter(members -> members.size() > 1).forEach(cp::addAtMostOne);
      cp.addLessOrEqual(cost(), available);
      regionMinimum.forEach((region, minimum) -> addRegionMinimum(graph, region, minimum, withAssumptions));
    }

    private void addRegionMinimum(AllocationGraph graph, String region, long minimum, boolean withAssumptions) {
      List<BoolVar> vars = new ArrayList<>();
      List<Long> costs = new ArrayList<>();
      for (int i = 0; i < funded.length; i++) {
        if (region.equals(graph.bid(i).region())) {
          vars.add(funded[i]);
          costs.add(cost[i]);
        }
      }
      var constraint = cp.addGreaterOrEqual(LinearExpr.weightedSum(vars.toArray(BoolVar[]::new),
          costs.stream().mapToLong(Long::longValue).toArray()), minimum);
      if (withAssumptions) {
        BoolVar enforced = cp.newBoolVar("regionMinimum." + region);
        constraint.onlyEnforceIf(enforced);
        assume(enforced, "regionMinimum." + region + " " + minimum);
      }
    }

    private void assume(BoolVar literal, String name) {
      cp.addAssumption(literal);
      assumptionNames.put(literal.getIndex(), name);
    }

    LinearExpr benefit() {
      return LinearExpr.weightedSum(funded, scaledBenefit);
    }

    LinearExpr cost() {
      return LinearExpr.weightedSum(funded, cost);
    }

    /**
     * Σ cost · w + Σ (index + 1) of the funded bids, with w above any sum of positions: the least is the cheapest
     * allocation, and of those the one of the earliest bids. Where cost · w could overflow (costs in the billions and
     * thousands of bids), positions are left out and only the cost counts.
     */
    LinearExpr costThenPosition() {
      int n = funded.length;
      long weight = (long) n * (n + 1) / 2 + 1;
      long totalCost = 0;
      for (long c : cost) {
        totalCost += c;
      }
      boolean room = totalCost <= Long.MAX_VALUE / 8 / weight;
      long[] coefficients = new long[n];
      for (int i = 0; i < n; i++) {
        coefficients[i] = room ? cost[i] * weight + i + 1 : cost[i];
      }
      return LinearExpr.weightedSum(funded, coefficients);
    }

    void hint(boolean[] values) {
      for (int i = 0; i < funded.length; i++) {
        cp.addHint(funded[i], values[i]);
      }
    }

    boolean[] values(CpSolver solver) {
      boolean[] values = new boolean[funded.length];
      for (int i = 0; i < funded.length; i++) {
        values[i] = solver.booleanValue(funded[i]);
      }
      return values;
    }
  }
}
