package com.kap.budget.internal;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
import com.kap.budget.AllocationBid;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The exact allocation as a mixed-integer programme, solved by SCIP through OR-Tools' {@code MPSolver}: a 0/1
 * variable per bid, Σ cost ≤ available, must-fund bids at 1, ineligible ones at 0, Σ ≤ 1 per exclusivity group,
 * x(bid) ≤ x(required), Σ cost ≥ minimum per region; maximise Σ benefit in hundredths (whole numbers). When the
 * region minimums leave almost no room, also the rows they imply together with the budget
 * ({@link #aggregatedMinimums}).
 *
 * <p>SCIP alone, not a race with CBC: CBC through MPSolver cannot be interrupted, so a losing CBC kept a core busy
 * until the deadline and slowed the calls after it (AllocationBenchmark keeps CBC as the independent peer).
 *
 * <p>SCIP computes in floating point, so nothing it reports is taken on trust: an allocation is rounded to 0/1 and
 * re-checked in whole numbers ({@link AllocationCheck}); only the bound on the best benefit is used as reported, rounded
 * down to the hundredth, to say whether the allocation is proven optimal or how far it might fall short.
 *
 * <p>Repeatable: it runs on one thread with a fixed seed; its search is cut by a number of branch-and-bound nodes,
 * which is the same on every run, before the wall clock. {@link Stop#CLOCK} says that the wall clock cut it instead;
 * its allocation then depends on the machine's speed, and the caller falls back on a repeatable one.
 */
public final class AllocationMip {

  static {
    Loader.loadNativeLibraries();
  }

  public enum Stop { PROVEN, WORK_LIMIT, CLOCK, INFEASIBLE, FAILED }

  /**
   * @param funded the solver's allocation, rounded and exactly feasible; null if it had none or it failed the check
   * @param boundCents no allocation has more benefit (hundredths); Long.MAX_VALUE when the solver had no bound
   * @param nodes branch-and-bound nodes the solver took
   */
  public record Outcome(Stop stop, boolean[] funded, long boundCents, long nodes, long millis) {}

  private final long nodeLimit;

  public AllocationMip(long nodeLimit) {
    this.nodeLimit = nodeLimit;
  }

  /** The allocation of most benefit, starting from {@code start} (feasible, or null). */
  public Outcome maximise(AllocationCheck check, long available, boolean[] start, long deadline) {
    Model model = new Model(check, available, false);
    try {
      MPObjective objective = model.solver.objective();
      for (int i = 0; i < model.x.length; i++) {
        objective.setCoefficient(model.x[i], check.cents(i));
      }
      objective.setMaximization();
      // the objective is whole: a bound less than half a hundredth above the allocation proves it
      return model.run(start, nodeLimit, deadline, "limits/absgap = 0.5");
    } finally {
      model.solver.delete();
    }
  }

  /**
   * Among the allocations of {@code optimum}'s benefit, which must be proven the most any allocation has, the first in
   * the canonical order (least cost, then least sum of positions), searched for at most {@code nodes} nodes. Positions
   * count only where cost × weight + position stays exact in a double; otherwise the cost alone is minimised.
   */
  public Outcome leastCost(AllocationCheck check, long available, boolean[] optimum, Relaxation lp, long nodes,
      long deadline) {
    int[] fixed = sharedByEveryOptimum(lp, optimum.length, check.totalCents(optimum));
    Model model = new Model(check, available, false);
    try {
      int n = model.x.length;
      for (int i = 0; i < n; i++) {
        if (fixed[i] >= 0 && (fixed[i] == 1) == optimum[i]) {
          model.x[i].setBounds(fixed[i], fixed[i]);
        }
      }
      // exactly the optimum's benefit: no allocation has more (it is proven), and the row as an equality lets SCIP
      // prove the tie-break in fewer nodes (1,000-bid rounds: tight minimums 225 → 72 and 429 → 228, the README's
      // 140 → 35 and 254 → 176) than the bound below alone
      long optimumCents = check.totalCents(optimum);
      MPConstraint benefit = model.solver.makeConstraint(optimumCents, optimumCents, "benefit");
      long totalCost = 0;
      for (int i = 0; i < n; i++) {
        benefit.setCoefficient(model.x[i], check.cents(i));
        totalCost += check.cost(i);
      }
      long weight = (long) n * (n + 1) / 2 + 1;
      boolean room = totalCost <= (1L << 52) / weight;
      MPObjective objective = model.solver.objective();
      for (int i = 0; i < n; i++) {
        objective.setCoefficient(model.x[i], room ? check.cost(i) * weight + i + 1 : check.cost(i));
      }
      objective.setMinimization();
      return model.run(optimum, nodes, deadline, "limits/absgap = 0.5");
    } finally {
      model.solver.delete();
    }
  }

  /**
   * The linear relaxation's optimum (GLOP, deterministic): its benefit z (hundredths), and per bid its value and
   * reduced cost.
   */
  public record Relaxation(double z, double[] value, double[] reducedCost) {}

  /**
   * The relaxation of the benefit model, or null when GLOP does not solve it. Not cut by the call's deadline: the
   * greedy fallback it guides must not depend on the machine's speed (GLOP takes well under a second at 10,000 bids;
   * a minute is only a safeguard).
   */
  public static Relaxation relax(AllocationCheck check, long available) {
    Model model = new Model(check, available, true);
    try {
      MPObjective objective = model.solver.objective();
      for (int i = 0; i < model.x.length; i++) {
        objective.setCoefficient(model.x[i], check.cents(i));
      }
      objective.setMaximization();
      model.solver.setTimeLimit(60_000);
      if (model.solver.solve() != MPSolver.ResultStatus.OPTIMAL) {
        return null;
      }
      double[] value = new double[model.x.length];
      double[] reducedCost = new double[model.x.length];
      for (int i = 0; i < model.x.length; i++) {
        value[i] = model.x[i].solutionValue();
        reducedCost[i] = model.x[i].reducedCost();
      }
      return new Relaxation(objective.value(), value, reducedCost);
    } finally {
      model.solver.delete();
    }
  }

  /**
   * Which bids every allocation of at least {@code optimumCents} funds (1) or leaves out (0), by the reduced costs of
   * the linear relaxation: a bid at a bound of the relaxation's optimum z whose reduced cost d exceeds z − optimum
   * cannot leave that bound without the benefit falling below z − |d| &lt; optimum. −1: not known. A cent and a
   * relative 1e-7 of margin absorb the floating point; all −1 without a relaxation.
   */
  public static int[] sharedByEveryOptimum(Relaxation lp, int bids, long optimumCents) {
    int[] fixed = new int[bids];
    Arrays.fill(fixed, -1);
    if (lp == null) {
      return fixed;
    }
    double slack = lp.z() - optimumCents + 1 + 1e-7 * Math.abs(lp.z());
    for (int i = 0; i < bids; i++) {
      double value = lp.value()[i];
      if (Math.abs(lp.reducedCost()[i]) > slack) {
        fixed[i] = value < 1e-9 ? 0 : value > 1 - 1e-9 ? 1 : -1;
      }
    }
    return fixed;
  }

  /**
   * The solver's time limit: 95 % of what is left, so that the checks, the explanations and a solver that only looks
   * at the clock between nodes still end the call near its deadline (10,000 bids overran it by 0.4–0.9 s).
   */
  public static long millisFor(long deadline, long now) {
    return Math.max(1, (deadline - now) / 1_000_000 * 19 / 20);
  }

  /**
   * No probing in presolve: on two large exclusive groups of 100 bids it took 1.3 s of a 1.3 s solve (10 ms without),
   * and it shortened no other family's solve measurably. No cuts of the knapsack constraints' own (the budget's and
   * the region minimums'): SCIP's general cuts and the branching prove these rounds sooner without them. On 1,000-bid
   * rounds, four seeds of each of four shapes (docs/benchmarks.md), 15 of the 16 proofs came sooner, by up to 20×
   * (correlated benefits: 33 ms instead of 728), one later (2.7 s instead of 1.2 s). No dual presolving of the
   * knapsack constraints: on the correlated 100-bid round at 90 % of what is available it spent 12–14 s in
   * presolve (0 nodes); 0.2 s without it.
   */
  private static final String PRESOLVE = "propagating/probing/maxprerounds = 0\nconstraints/knapsack/sepafreq = -1"
      + "\nconstraints/knapsack/dualpresolving = FALSE";

  /**
   * The sets of regions whose minimums bound what all other bids may cost, as rows added to the SCIP model: for each
   * nonempty set T of regions with a minimum above 0, Σ cost of the bids outside T's regions ≤ available − Σ minimum
   * of T. The budget and the minimums imply every such row, so they change neither an optimum nor the relaxation's
   * bound; but SCIP's presolve, propagation and cuts work on one row at a time, and on rounds whose minimums leave
   * almost no room these rows carry the room that is left. Tight region minimums at 1,000 bids, six seeds
   * (docs/benchmarks.md): the proof took 101–5,216 nodes instead of 786–7,014, 3× fewer in the geometric mean (one
   * seed 23 % more), but each node costs more, so the wall-clock time was about the same. Only when the minimums
   * together take at least 90 % of what is available, and for at most six such regions (63 rows): on the README's
   * rounds (80 %) and the chains' (60 %) they made no proof shorter and some longer. Regions in name order, so that
   * the same problem gives the same model.
   */
  public static List<Set<String>> aggregatedMinimums(Map<String, Long> regionMinimum, long available) {
    List<String> regions = regionMinimum.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey)
        .sorted().toList();
    long total = regions.stream().mapToLong(regionMinimum::get).sum();
    if (regions.isEmpty() || regions.size() > 6 || total * 10 < available * 9) {
      return List.of();
    }
    List<Set<String>> sets = new ArrayList<>();
    for (int mask = 1; mask < 1 << regions.size(); mask++) {
      Set<String> set = new LinkedHashSet<>();
      for (int r = 0; r < regions.size(); r++) {
        if ((mask & 1 << r) != 0) {
          set.add(regions.get(r));
        }
      }
      sets.add(set);
    }
    return sets;
  }

  private static final class Model {

    public final AllocationCheck check;
    public final long available;
    public final MPSolver solver;
    public final MPVariable[] x;

    /** @param relaxed the linear relaxation (GLOP): bids between 0 and 1 */
    public Model(AllocationCheck check, long available, boolean relaxed) {
      this.check = check;
      this.available = available;
      String engine = relaxed ? "GLOP" : "SCIP";
      this.solver = MPSolver.createSolver(engine);
      if (solver == null) {
        throw new IllegalStateException("the " + engine + " solver is not available on this platform");
      }
      AllocationGraph graph = check.graph();
      int n = graph.size();
      x = new MPVariable[n];
      Map<String, List<MPVariable>> groups = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        AllocationBid bid = graph.bid(i);
        double lower = bid.mustFund() ? 1 : 0;
        double upper = bid.eligible() ? 1 : 0;
        x[i] = relaxed ? solver.makeNumVar(Math.min(lower, upper), upper, "x" + i)
            : solver.makeIntVar(Math.min(lower, upper), upper, "x" + i);
        if (bid.exclusiveGroup() != null) {
          groups.computeIfAbsent(bid.exclusiveGroup(), g -> new ArrayList<>()).add(x[i]);
        }
      }
      for (int i = 0; i < n; i++) {
        for (int required : graph.requires(i)) {
          MPConstraint requires = solver.makeConstraint(-MPSolver.infinity(), 0);
          requires.setCoefficient(x[i], 1);
          requires.setCoefficient(x[required], -1);
        }
      }
      for (List<MPVariable> members : groups.values()) {
        if (members.size() > 1) {
          MPConstraint atMostOne = solver.makeConstraint(-MPSolver.infinity(), 1);
          members.forEach(member -> atMostOne.setCoefficient(member, 1));
        }
      }
      MPConstraint budget = solver.makeConstraint(-MPSolver.infinity(), available, "budget");
      for (int i = 0; i < n; i++) {
        budget.setCoefficient(x[i], check.cost(i));
      }
      check.segmentEnvelope().forEach((segment, envelope) -> {
        MPConstraint atMost = solver.makeConstraint(-MPSolver.infinity(), envelope);
        for (int i = 0; i < n; i++) {
          if (segment.equals(graph.bid(i).segment())) {
            atMost.setCoefficient(x[i], check.cost(i));
          }
        }
      });
      check.regionMinimum().forEach((region, minimum) -> {
        MPConstraint atLeast = solver.makeConstraint(minimum, MPSolver.infinity());
        for (int i = 0; i < n; i++) {
          if (region.equals(graph.bid(i).region())) {
            atLeast.setCoefficient(x[i], check.cost(i));
          }
        }
      });
      if (!relaxed) {
        for (Set<String> regions : aggregatedMinimums(check.regionMinimum(), available)) {
          long rest = available;
          for (String region : regions) {
            rest -= check.regionMinimum().get(region);
          }
          MPConstraint others = solver.makeConstraint(-MPSolver.infinity(), rest);
          for (int i = 0; i < n; i++) {
            if (!regions.contains(graph.bid(i).region())) {
              others.setCoefficient(x[i], check.cost(i));
            }
          }
        }
      }
    }

    public Outcome run(boolean[] start, long nodes, long deadline, String extra) {
      long begin = System.nanoTime();
      if (start != null) {
        double[] values = new double[x.length];
        for (int i = 0; i < x.length; i++) {
          values[i] = start[i] ? 1 : 0;
        }
        solver.setHint(x, values);
      }
      solver.setNumThreads(1);
      solver.setTimeLimit(millisFor(deadline, begin));
      solver.setSolverSpecificParametersAsString(String.format(Locale.ROOT,
          "randomization/randomseedshift = 0%nlimits/nodes = %d%n%s%n%s%n", nodes, PRESOLVE, extra));
      MPSolverParameters parameters = new MPSolverParameters();
      parameters.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 0.0);

      MPSolver.ResultStatus status = solver.solve(parameters);
      long millis = (System.nanoTime() - begin) / 1_000_000;
      long taken = solver.nodes();
      boolean[] funded = null;
      if (status == MPSolver.ResultStatus.OPTIMAL || status == MPSolver.ResultStatus.FEASIBLE) {
        funded = new boolean[x.length];
        for (int i = 0; i < x.length; i++) {
          funded[i] = x[i].solutionValue() > 0.5;
        }
        if (!check.feasible(funded, available)) {
          funded = null;
        }
      }
      double bound = status == MPSolver.ResultStatus.INFEASIBLE ? Double.NaN : solver.objective().bestBound();
      long boundCents = Double.isFinite(bound) && Math.abs(bound) < 0x1p62 ? (long) Math.floor(bound + 1e-6)
          : Long.MAX_VALUE;
      Stop stop = switch (status) {
        case OPTIMAL -> Stop.PROVEN;
        case INFEASIBLE -> Stop.INFEASIBLE;
        case FEASIBLE, NOT_SOLVED -> taken >= nodes ? Stop.WORK_LIMIT : Stop.CLOCK;
        default -> Stop.FAILED;
      };
      return new Outcome(stop, funded, boundCents, taken, millis);
    }
  }
}
