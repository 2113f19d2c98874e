package com.kap.benchmark;

import static com.kap.benchmark.BenchmarkSupport.report;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
import com.kap.budget.AllocationBid;
import com.kap.budget.AllocationFamilies;
import com.kap.budget.AllocationOptimiser;
import com.kap.budget.AllocationProblem;
import com.kap.budget.AllocationResult;
import com.kap.budget.internal.AllocationProperties;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * KAP's optimiser against an independent MIP solver on the same seeded rounds, in the same run:
 * {@code ./mvnw -Pbenchmark test -Dtest=AllocationBenchmark}. Five shapes ({@link AllocationFamilies}) × 100, 1,000
 * and 10,000 bids. KAP: {@code AllocationOptimiser.solve} end to end (checks, greedy start, SCIP, tie-break,
 * explanations), with the default deadline of 10 s per call; the median of 3 calls (1 at 10,000) after a warm-up,
 * then one call with the ±10 % points. The peer: CBC through OR-Tools' {@code MPSolver}, the same constraints
 * modelled here independently of KAP's code, one thread, relative gap 0, 60 s; its solve only (model built before
 * the clock starts). "Same optimum" compares the benefits in hundredths where both proved theirs.
 *
 * <p>A run can be narrowed by system properties (all optional; the defaults give the full table):
 * {@code -Dkap.allocation.shapes=tight,readme} (enum names or words of the labels, case-insensitive),
 * {@code -Dkap.allocation.sizes=1000}, {@code -Dkap.allocation.seeds=1000,1,2} (each round's seed; by default the
 * size), {@code -Dkap.allocation.peer=false} (no CBC), {@code -Dkap.allocation.points=false} (no ±10 % call) and
 * {@code -Dkap.allocation.phases=true} (also where a call's time goes: relaxation, greedy starts, SCIP's solve and
 * tie-break, each with its nodes).
 */
class AllocationBenchmark {

  private static final int[] SIZES = {100, 1_000, 10_000};

  /** The shapes asked for by {@code kap.allocation.shapes}, all by default. */
  static List<AllocationFamilies> shapes() {
    String asked = System.getProperty("kap.allocation.shapes", "").trim();
    if (asked.isEmpty()) {
      return List.of(AllocationFamilies.values());
    }
    List<AllocationFamilies> chosen = new ArrayList<>();
    for (AllocationFamilies family : AllocationFamilies.values()) {
      for (String word : asked.toLowerCase(Locale.ROOT).split(",")) {
        String w = word.trim();
        if (!w.isEmpty() && (family.name().toLowerCase(Locale.ROOT).replace('_', ' ').contains(w)
            || family.label().toLowerCase(Locale.ROOT).contains(w)) && !chosen.contains(family)) {
          chosen.add(family);
        }
      }
    }
    if (chosen.isEmpty()) {
      throw new IllegalArgumentException("kap.allocation.shapes: no shape matches " + asked);
    }
    return chosen;
  }

  /** Comma-separated whole numbers of a property, or the defaults. */
  static long[] numbers(String property, long... defaults) {
    String asked = System.getProperty(property, "").trim();
    if (asked.isEmpty()) {
      return defaults;
    }
    return Arrays.stream(asked.split(",")).map(String::trim).filter(w -> !w.isEmpty())
        .mapToLong(w -> Long.parseLong(w.replace("_", ""))).toArray();
  }

  private static boolean flag(String property, boolean otherwise) {
    String value = System.getProperty(property, "").trim();
    return value.isEmpty() ? otherwise : Boolean.parseBoolean(value);
  }
  private static final double PEER_SECONDS = 60;

  private final AllocationOptimiser optimiser =
      new AllocationOptimiser(new AllocationProperties(Duration.ofSeconds(10)));

  @Test
  void kapAgainstCbc() throws IOException {
    Loader.loadNativeLibraries();
    optimiser.solve(AllocationFamilies.README.round(300, 1), true); // warm-up: native libraries, JIT
    report("");
    report("Allocation optimiser against CBC, " + Runtime.getRuntime().availableProcessors() + " processors, "
        + "deadline 10 s per KAP call:");
    report("");
    report("| shape | bids | KAP whole call, median (min–max) | KAP proven | KAP benefit | might fall short by "
        + "| ±10 % points, on demand | CBC solve | CBC proven | CBC benefit | same optimum |");
    report("|---|---|---|---|---|---|---|---|---|---|---|");
    long[] sizes = numbers("kap.allocation.sizes", Arrays.stream(SIZES).asLongStream().toArray());
    for (AllocationFamilies family : shapes()) {
      for (long size : sizes) {
        for (long seed : numbers("kap.allocation.seeds", size)) {
          measure(family, (int) size, seed);
        }
      }
    }
  }

  private void measure(AllocationFamilies family, int size, long seed) throws IOException {
    AllocationProblem problem = family.round(size, seed);
    if (flag("kap.allocation.phases", false)) {
      AllocationPhases.report(problem, family.label() + ", " + size + " bids, seed " + seed);
    }
    int runs = size >= 10_000 ? 1 : 3;
    optimiser.solve(problem); // warm-up of this size
    long[] millis = new long[runs];
    AllocationResult result = null;
    for (int run = 0; run < runs; run++) {
      long start = System.nanoTime();
      result = optimiser.solve(problem);
      millis[run] = (System.nanoTime() - start) / 1_000_000;
    }
    Arrays.sort(millis);
    long pointsMillis = -1;
    if (flag("kap.allocation.points", true)) {
      long start = System.nanoTime();
      AllocationResult withPoints = optimiser.solve(problem, true);
      pointsMillis = (System.nanoTime() - start) / 1_000_000 - withPoints.solveMillis();
    }
    Peer peer = flag("kap.allocation.peer", true) ? Peer.solve(problem) : new Peer(false, -1, -1);
    String same = result.optimal() && peer.optimal
        ? (cents(result.totalBenefit()) == peer.cents ? "yes" : "**no**") : "—";
    String shape = seed == size ? family.label() : family.label() + " (seed " + seed + ")";
    report(String.format(Locale.ROOT, "| %s | %,d | %,d ms (%,d–%,d) | %s | %s | %s | %s | %s | %s | %s | %s |",
        shape, size, millis[runs / 2], millis[0], millis[runs - 1], result.optimal() ? "yes" : "**no**",
        result.totalBenefit().toPlainString(), result.gap().toPlainString(),
        pointsMillis < 0 ? "—" : String.format(Locale.ROOT, "%,d ms", pointsMillis),
        peer.millis < 0 ? "—" : String.format(Locale.ROOT, "%,d ms", peer.millis), peer.millis < 0 ? "—"
            : peer.optimal ? "yes" : "no", peer.cents < 0 ? "—" : BigDecimal.valueOf(peer.cents, 2).toPlainString(),
        same));
  }

  private static long cents(BigDecimal amount) {
    return amount.movePointRight(2).longValueExact();
  }

  /** CBC on its own model of the round. */
  private record Peer(boolean optimal, long cents, long millis) {

    static Peer solve(AllocationProblem problem) {
      MPSolver solver = MPSolver.createSolver("CBC");
      try {
        List<AllocationBid> bids = problem.bids();
        Map<String, MPVariable> x = new HashMap<>();
        Map<String, List<MPVariable>> groups = new LinkedHashMap<>();
        MPConstraint budget = solver.makeConstraint(-MPSolver.infinity(), problem.available());
        MPObjective objective = solver.objective();
        for (AllocationBid bid : bids) {
          MPVariable v = solver.makeIntVar(bid.mustFund() ? 1 : 0, bid.eligible() ? 1 : 0, bid.id());
          x.put(bid.id(), v);
          budget.setCoefficient(v, bid.cost());
          objective.setCoefficient(v, bid.benefit().movePointRight(2).doubleValue());
          if (bid.exclusiveGroup() != null) {
            groups.computeIfAbsent(bid.exclusiveGroup(), g -> new ArrayList<>()).add(v);
          }
        }
        for (AllocationBid bid : bids) {
          for (String required : bid.requires()) {
            MPConstraint c = solver.makeConstraint(-MPSolver.infinity(), 0);
            c.setCoefficient(x.get(bid.id()), 1);
            c.setCoefficient(x.get(required), -1);
          }
        }
        groups.values().forEach(members -> {
          MPConstraint c = solver.makeConstraint(-MPSolver.infinity(), 1);
          members.forEach(v -> c.setCoefficient(v, 1));
        });
        problem.regionMinimum().forEach((region, minimum) -> {
          MPConstraint c = solver.makeConstraint(minimum, MPSolver.infinity());
          bids.stream().filter(b -> region.equals(b.region())).forEach(b -> c.setCoefficient(x.get(b.id()), b.cost()));
        });
        objective.setMaximization();
        solver.setNumThreads(1);
        solver.setTimeLimit((long) (PEER_SECONDS * 1000));
        MPSolverParameters parameters = new MPSolverParameters();
        parameters.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 0.0);
        long start = System.nanoTime();
        MPSolver.ResultStatus status = solver.solve(parameters);
        long millis = (System.nanoTime() - start) / 1_000_000;
        boolean found = status == MPSolver.ResultStatus.OPTIMAL || status == MPSolver.ResultStatus.FEASIBLE;
        long cents = 0;
        if (found) {
          for (AllocationBid bid : bids) {
            cents += x.get(bid.id()).solutionValue() > 0.5 ? bid.benefit().movePointRight(2).longValueExact() : 0;
          }
        }
        return new Peer(status == MPSolver.ResultStatus.OPTIMAL, found ? cents : -1, millis);
      } finally {
        solver.delete();
      }
    }
  }
}
