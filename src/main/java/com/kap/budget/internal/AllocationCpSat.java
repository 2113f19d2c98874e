package com.kap.budget.internal;

import com.google.ortools.Loader;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.Literal;
import com.kap.budget.AllocationBid;
import com.kap.budget.AllocationInfeasible;
import com.kap.platform.i18n.Bundles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CP-SAT, exact in whole numbers, where the MIP engine ({@link AllocationMip}) is not enough: it names the constraints
 * that together leave no allocation, and finds a first allocation when neither the greedy start nor the MIP found one
 * in time. One worker and a fixed seed: the same problem gets the same answer.
 */
public final class AllocationCpSat {

  static {
    Loader.loadNativeLibraries();
  }

  private static final int SEED = 20_261_126;

  public enum Status { FOUND, INFEASIBLE, UNKNOWN }

  /** @param funded per bid index; null unless FOUND */
  public record Solution(Status status, boolean[] funded) {}

  private AllocationCpSat() {}

  /** Any allocation meeting every constraint, the first found, or why there is none. */
  public static Solution firstFeasible(AllocationGraph graph, Map<String, Long> regionMinimum,
      Map<String, Long> segmentEnvelope, long available, long deadline) {
    Model model = new Model(graph, regionMinimum, segmentEnvelope, available, false);
    CpSolver solver = solver(deadline);
    solver.getParameters().setStopAfterFirstSolution(true);
    CpSolverStatus status = solver.solve(model.cp);
    return switch (status) {
      case OPTIMAL, FEASIBLE -> new Solution(Status.FOUND, model.values(solver));
      case INFEASIBLE -> new Solution(Status.INFEASIBLE, null);
      default -> new Solution(Status.UNKNOWN, null);
    };
  }

  /**
   * Which must-fund bids, region minimums and segment envelopes together leave no allocation (CP-SAT's sufficient assumptions), as a
   * refusal, in the language of whoever reads it.
   */
  public static AllocationInfeasible explainInfeasibility(AllocationGraph graph, Map<String, Long> regionMinimum,
      Map<String, Long> segmentEnvelope, long available, long deadline) {
    Model model = new Model(graph, regionMinimum, segmentEnvelope, available, true);
    CpSolver solver = solver(deadline);
    CpSolverStatus status = solver.solve(model.cp);
    List<Object> conflicting = new ArrayList<>();
    if (status == CpSolverStatus.INFEASIBLE) {
      for (int index : solver.sufficientAssumptionsForInfeasibility()) {
        Object name = model.assumptionNames.get(index);
        if (name != null) {
          conflicting.add(name);
        }
      }
    }
    Object constraints = conflicting.isEmpty()
        ? Bundles.text(segmentEnvelope.isEmpty() ? "infeasible.constraints" : "infeasible.constraintsWithEnvelopes")
        : list(conflicting);
    return new AllocationInfeasible("infeasible.noAllocation", String.valueOf(available), constraints);
  }

  /** The constraints named one after the other, "a, b, c", each said in the refusal's language. */
  private static Object list(List<Object> names) {
    Object list = names.get(names.size() - 1);
    for (int i = names.size() - 2; i >= 0; i--) {
      list = Bundles.text("infeasible.list", names.get(i), list);
    }
    return list;
  }

  private static CpSolver solver(long deadline) {
    CpSolver solver = new CpSolver();
    solver.getParameters()
        .setMaxTimeInSeconds(Math.max(0.001, (deadline - System.nanoTime()) / 1e9))
        .setNumWorkers(1)
        .setRandomSeed(SEED)
        .setLogSearchProgress(false);
    return solver;
  }

  /** The CP-SAT model of one problem and amount available. */
  private static final class Model {

    public final CpModel cp = new CpModel();
    public final BoolVar[] funded;
    public final long[] cost;
    /** Assumption literal index → the constraint it stands for, in words (only with assumptions). */
    public final Map<Integer, Object> assumptionNames = new LinkedHashMap<>();

    public Model(AllocationGraph graph, Map<String, Long> regionMinimum, Map<String, Long> segmentEnvelope,
        long available, boolean withAssumptions) {
      int n = graph.size();
      funded = new BoolVar[n];
      cost = new long[n];
      Map<String, List<Literal>> groups = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        AllocationBid bid = graph.bid(i);
        funded[i] = cp.newBoolVar(bid.id());
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
            assume(funded[i], Bundles.text("infeasible.name.mustFund", graph.id(i)));
          } else {
            cp.addEquality(funded[i], 1);
          }
        }
      }
      groups.values().stream().filter(members -> members.size() > 1).forEach(cp::addAtMostOne);
      cp.addLessOrEqual(cost(), available);
      regionMinimum.forEach((region, minimum) -> addRegionMinimum(graph, region, minimum, withAssumptions));
      segmentEnvelope.forEach((segment, envelope) -> addEnvelope(graph, segment, envelope, withAssumptions));
    }

    private void addEnvelope(AllocationGraph graph, String segment, long envelope, boolean withAssumptions) {
      List<BoolVar> vars = new ArrayList<>();
      List<Long> costs = new ArrayList<>();
      for (int i = 0; i < funded.length; i++) {
        if (segment.equals(graph.bid(i).segment())) {
          vars.add(funded[i]);
          costs.add(cost[i]);
        }
      }
      var constraint = cp.addLessOrEqual(LinearExpr.weightedSum(vars.toArray(BoolVar[]::new),
          costs.stream().mapToLong(Long::longValue).toArray()), envelope);
      if (withAssumptions) {
        BoolVar enforced = cp.newBoolVar("segmentEnvelope." + segment);
        constraint.onlyEnforceIf(enforced);
        assume(enforced, "segmentEnvelope." + segment + " " + envelope);
      }
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

    /** @param name the constraint's name: its field ("regionMinimum.EMEA 50"), or a text of the bundles */
    private void assume(BoolVar literal, Object name) {
      cp.addAssumption(literal);
      assumptionNames.put(literal.getIndex(), name);
    }

    public LinearExpr cost() {
      return LinearExpr.weightedSum(funded, cost);
    }

    public boolean[] values(CpSolver solver) {
      boolean[] values = new boolean[funded.length];
      for (int i = 0; i < funded.length; i++) {
        values[i] = solver.booleanValue(funded[i]);
      }
      return values;
    }
  }
}
