package com.kap.budget;

import com.kap.budget.AllocationResult.Point;
import com.kap.budget.AllocationResult.Sensitivity;
import com.kap.budget.internal.AllocationCheck;
import com.kap.budget.internal.AllocationCpSat;
import com.kap.budget.internal.AllocationExplainer;
import com.kap.budget.internal.AllocationGraph;
import com.kap.budget.internal.AllocationGreedy;
import com.kap.budget.internal.AllocationMip.Outcome;
import com.kap.budget.internal.AllocationMip.Stop;
import com.kap.budget.internal.AllocationMip;
import com.kap.budget.internal.AllocationProblemReader;
import com.kap.budget.internal.AllocationProblemValidator;
import com.kap.budget.internal.AllocationProperties;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.stereotype.Component;

/**
 * Funds the bids of most total benefit within {@code budget − reserve} (DESIGN §4), and explains the result: each
 * unfunded bid's reason, the next in line and, when asked for, the best benefit at 10 % less and more available.
 *
 * <p>How: a greedy allocation first (always feasible when it succeeds; the better of the plain one and one that rounds
 * the linear relaxation), then SCIP ({@link AllocationMip}) from it,
 * then among allocations of that benefit the one of least cost, then of least sum of positions. Everything SCIP
 * reports is re-checked in whole numbers. One deadline ({@code kap.budget.optimiser.time-limit}) covers the whole
 * call; a search cut short by it falls back on an allocation that does not depend on the machine's speed: the
 * greedy one, or, when the solver's own limit of work cut it, the solver's best. Such a result says that it is not
 * proven and how far it might fall short. Thread-safe.
 */
@Component
public class AllocationOptimiser {

  /** The two sensitivity points: one solve per thread. */
  private static final ExecutorService SOLVES = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "allocation-solve");
    thread.setDaemon(true);
    return thread;
  });

  private final AllocationProperties properties;
  private final AllocationMip mip;

  public AllocationOptimiser(AllocationProperties properties) {
    this.properties = properties;
    this.mip = new AllocationMip(properties.nodeLimit());
  }

  /** The allocation and its explanation, without the ±10 % points. */
  public AllocationResult solve(AllocationProblem problem) {
    return solve(problem, false);
  }

  /**
   * The allocation of a problem written as JSON (DESIGN §5), as the what-if preview sends it: read strictly, so that
   * numbers are exact and every shape error names its field, then solved as {@link #solve(AllocationProblem,
   * boolean)}.
   */
  public AllocationResult solve(String problemJson, boolean withSensitivity) {
    return solve(AllocationProblemReader.read(problemJson), withSensitivity);
  }

  /**
   * @param withSensitivity also the best benefit at ±10 % available, both solved at once after the allocation,
   *     started from it, within the same deadline
   * @throws com.kap.platform.web.ApiException 400 or 422 naming the field when the problem is malformed or contradicts itself
   * @throws AllocationInfeasible 422 when no allocation meets the constraints
   * @throws AllocationTimedOut 503 when no allocation was found even after a second period (the time limit, 10 s at
   *     least), nor proven that none exists
   */
  public AllocationResult solve(AllocationProblem problem, boolean withSensitivity) {
    if (problem.segmentEnvelope().isEmpty()) {
      return solveOne(problem, withSensitivity);
    }
    // what the envelopes cost: the optimum without them, solved beside the allocation rather than after it
    AllocationProblemValidator.check(problem);
    CompletableFuture<AllocationResult> free = CompletableFuture.supplyAsync(
        () -> solveOne(problem.withoutEnvelopes(), false), SOLVES);
    AllocationResult result;
    try {
      result = solveOne(problem, withSensitivity);
    } catch (RuntimeException e) {
      free.cancel(false);
      throw e;
    }
    AllocationResult.EnvelopeCost cost;
    try {
      AllocationResult without = free.join();
      cost = new AllocationResult.EnvelopeCost(without.totalBenefit(),
          without.totalBenefit().subtract(result.totalBenefit()).max(BigDecimal.ZERO.setScale(2)),
          without.optimal() && result.optimal());
    } catch (java.util.concurrent.CompletionException e) {
      cost = new AllocationResult.EnvelopeCost(null, null, false); // e.g. timed out: the allocation stands
    }
    return result.withEnvelopes(envelopeUses(problem, result), cost);
  }

  private static List<AllocationResult.EnvelopeUse> envelopeUses(AllocationProblem problem, AllocationResult result) {
    java.util.Set<String> funded = new java.util.HashSet<>(result.funded());
    Map<String, Long> spent = new java.util.LinkedHashMap<>();
    problem.segmentEnvelope().keySet().forEach(segment -> spent.put(segment, 0L));
    for (AllocationBid bid : problem.bids()) {
      if (funded.contains(bid.id()) && bid.segment() != null && spent.containsKey(bid.segment())) {
        spent.merge(bid.segment(), bid.cost(), Long::sum);
      }
    }
    return problem.segmentEnvelope().entrySet().stream()
        .map(e -> new AllocationResult.EnvelopeUse(e.getKey(), e.getValue(), spent.get(e.getKey()))).toList();
  }

  private AllocationResult solveOne(AllocationProblem problem, boolean withSensitivity) {
    long start = System.nanoTime();
    long deadline = start + properties.timeLimit().toNanos();
    AllocationGraph graph = AllocationProblemValidator.check(problem);
    AllocationCheck check = new AllocationCheck(graph, problem.regionMinimum(), problem.segmentEnvelope());
    long available = problem.available();
    Best best = best(check, available, null, deadline);
    if (best.funded == null && best.infeasible) {
      throw AllocationCpSat.explainInfeasibility(graph, problem.regionMinimum(), problem.segmentEnvelope(),
          available, System.nanoTime() + grace());
    }
    if (best.funded == null) {
      throw new AllocationTimedOut(properties.timeLimit());
    }
    boolean[] funded = best.proven ? breakTie(check, available, best, deadline) : best.funded;
    List<String> fundedIds = new ArrayList<>();
    for (int i = 0; i < funded.length; i++) {
      if (funded[i]) {
        fundedIds.add(graph.id(i));
      }
    }
    long totalCost = check.totalCost(funded);
    long cents = check.totalCents(funded);
    AllocationExplainer explainer = new AllocationExplainer(graph, funded, available - totalCost, best.proven,
        problem.segmentEnvelope(), check.spentPerSegment(funded));
    AllocationResult result = new AllocationResult(List.copyOf(fundedIds), totalCost, amount(cents), best.proven,
        amount(Math.max(cents, best.boundCents)), amount(Math.max(0, best.boundCents - cents)), explainer.unfunded(),
        explainer.nextInLine(), null, available, (System.nanoTime() - start) / 1_000_000);
    return withSensitivity ? result.withSensitivity(sensitivity(check, available, funded, deadline)) : result;
  }

  /** The best allocation at 90 % and 110 % of what is available, both at once, each started from {@code funded}. */
  private Sensitivity sensitivity(AllocationCheck check, long available, boolean[] funded, long deadline) {
    CompletableFuture<Point> minus = CompletableFuture.supplyAsync(
        () -> point(check, available * 9 / 10, funded, deadline), SOLVES);
    CompletableFuture<Point> plus = CompletableFuture.supplyAsync(
        () -> point(check, available * 11 / 10, funded, deadline), SOLVES);
    return new Sensitivity(minus.join(), plus.join());
  }

  private Point point(AllocationCheck check, long available, boolean[] hint, long deadline) {
    Best best = best(check, available, hint, deadline);
    if (best.funded == null) {
      return new Point(available, null, 0, false, best.infeasible);
    }
    int count = 0;
    for (boolean funded : best.funded) {
      count += funded ? 1 : 0;
    }
    return new Point(available, amount(check.totalCents(best.funded)), count, best.proven, false);
  }

  /**
   * @param funded exactly feasible, or null
   * @param proven no allocation has more benefit
   * @param boundCents no allocation has more benefit than this (hundredths)
   * @param infeasible with funded null: proven that there is no allocation
   */
  private record Best(boolean[] funded, boolean proven, long boundCents, long nodes, boolean infeasible,
      AllocationMip.Relaxation lp) {}

  /**
   * The best allocation the search finds by the deadline, or the first CP-SAT finds in a second period when neither
   * the greedy start nor the search has one.
   */
  private Best best(AllocationCheck check, long available, boolean[] hint, long deadline) {
    AllocationMip.Relaxation lp = AllocationMip.relax(check, available);
    boolean[] greedy = AllocationGreedy.start(check, available);
    boolean[] guided = lp == null ? null : AllocationGreedy.start(check, available, lp.value());
    if (guided != null && (greedy == null || check.compare(guided, greedy) < 0)) {
      greedy = guided;
    }
    boolean[] start = greedy;
    if (hint != null && check.feasible(hint, available) && (start == null || check.compare(hint, start) < 0)) {
      start = hint;
    }
    // the relaxation's bound, rounded down to the hundredth as SCIP's is: a start that reaches it needs no search
    long lpBound = lp == null ? Long.MAX_VALUE : (long) Math.floor(lp.z() + 1e-6);
    Outcome outcome = start != null && check.totalCents(start) >= lpBound
        ? new Outcome(Stop.PROVEN, start, lpBound, 0, 0)
        : mip.maximise(check, available, start, deadline);
    long bound = Math.min(check.relaxedBoundCents(available), lpBound);
    if (outcome.stop() != Stop.FAILED && outcome.stop() != Stop.INFEASIBLE) {
      bound = Math.min(bound, outcome.boundCents());
    }
    // what the wall clock cut short depends on the machine's speed: keep only what does not
    boolean repeatable = outcome.stop() == Stop.PROVEN || outcome.stop() == Stop.WORK_LIMIT;
    boolean[] funded = greedy;
    if (outcome.funded() != null && (repeatable || funded == null)) {
      funded = funded == null || check.compare(outcome.funded(), funded) < 0 ? outcome.funded() : funded;
    }
    if (funded == null) {
      AllocationCpSat.Solution first = AllocationCpSat.firstFeasible(check.graph(), check.regionMinimum(),
          check.segmentEnvelope(), available, System.nanoTime() + grace());
      if (first.status() == AllocationCpSat.Status.FOUND && check.feasible(first.funded(), available)) {
        funded = first.funded();
      } else {
        return new Best(null, false, bound, outcome.nodes(), first.status() == AllocationCpSat.Status.INFEASIBLE, lp);
      }
    }
    return new Best(funded, check.totalCents(funded) >= bound, bound, outcome.nodes(), false, lp);
  }

  /**
   * Among the allocations of the optimum's benefit, the least cost, then the least sum of positions; searched for at
   * most as many nodes as the optimum took (a hundred at least), so that it costs about what the search did. What it
   * does not finish keeps the optimum found.
   */
  private boolean[] breakTie(AllocationCheck check, long available, Best best, long deadline) {
    if (deadline - System.nanoTime() <= 0) {
      return best.funded;
    }
    Outcome outcome = mip.leastCost(check, available, best.funded, best.lp, Math.max(100, best.nodes), deadline);
    boolean repeatable = outcome.stop() == Stop.PROVEN || outcome.stop() == Stop.WORK_LIMIT;
    boolean[] tie = outcome.funded();
    return repeatable && tie != null && check.compare(tie, best.funded) < 0 ? tie : best.funded;
  }

  /**
   * How long CP-SAT may look for a first allocation, or name the conflict, once the deadline has passed without
   * either: the time limit, 10 s at least, so that a round does not end without an allocation for want of time.
   */
  private long grace() {
    return Math.max(properties.timeLimit().toNanos(), 10_000_000_000L);
  }

  private static BigDecimal amount(long cents) {
    return BigDecimal.valueOf(cents, 2);
  }
}
