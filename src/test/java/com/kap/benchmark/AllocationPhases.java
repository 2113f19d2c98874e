package com.kap.benchmark;

import com.kap.budget.AllocationProblem;
import com.kap.budget.internal.AllocationCheck;
import com.kap.budget.internal.AllocationExplainer;
import com.kap.budget.internal.AllocationGraph;
import com.kap.budget.internal.AllocationGreedy;
import com.kap.budget.internal.AllocationMip;
import com.kap.budget.internal.AllocationProblemValidator;
import java.io.IOException;
import java.util.Locale;

/**
 * Where one call's time goes, step by step as {@code AllocationOptimiser.solve} takes them (10 s deadline, the
 * default node limit): the checks, the relaxation, the two greedy starts, SCIP's solve and its tie-break (each with
 * its nodes), the explanations. For {@code AllocationBenchmark -Dkap.allocation.phases=true}.
 */
final class AllocationPhases {

  private AllocationPhases() {}

  static void report(AllocationProblem problem, String what) throws IOException {
    long t0 = System.nanoTime();
    long deadline = t0 + 10_000_000_000L;
    AllocationGraph graph = AllocationProblemValidator.check(problem);
    AllocationCheck check = new AllocationCheck(graph, problem.regionMinimum());
    long available = problem.available();
    long t1 = System.nanoTime();
    AllocationMip.Relaxation lp = AllocationMip.relax(check, available);
    long t2 = System.nanoTime();
    boolean[] greedy = AllocationGreedy.start(check, available);
    boolean[] guided = lp == null ? null : AllocationGreedy.start(check, available, lp.value());
    if (guided != null && (greedy == null || check.compare(guided, greedy) < 0)) {
      greedy = guided;
    }
    long t3 = System.nanoTime();
    AllocationMip mip = new AllocationMip(20_000);
    AllocationMip.Outcome main = mip.maximise(check, available, greedy, deadline);
    long t4 = System.nanoTime();
    AllocationMip.Outcome tie = null;
    boolean[] funded = main.funded() != null ? main.funded() : greedy;
    if (main.stop() == AllocationMip.Stop.PROVEN && main.funded() != null) {
      tie = mip.leastCost(check, available, main.funded(), lp, Math.max(100, main.nodes()), deadline);
      if (tie.funded() != null && check.compare(tie.funded(), funded) < 0) {
        funded = tie.funded();
      }
    }
    long t5 = System.nanoTime();
    if (funded != null) {
      AllocationExplainer explainer = new AllocationExplainer(graph, funded, available - check.totalCost(funded),
          true);
      explainer.unfunded();
      explainer.nextInLine();
    }
    long t6 = System.nanoTime();
    int fixed = 0;
    if (lp != null && main.funded() != null) {
      for (int f : AllocationMip.sharedByEveryOptimum(lp, graph.size(), check.totalCents(main.funded()))) {
        fixed += f >= 0 ? 1 : 0;
      }
    }
    BenchmarkSupport.report(String.format(Locale.ROOT,
        "phases, %s: checks %d ms, relaxation %d ms (z %.2f), greedy %d ms (%s), SCIP %d ms %s %d nodes "
            + "(benefit %s, bound %d), tie-break %d ms %s %d nodes (%d bids fixed, cost %s→%s), explanations %d ms",
        what, ms(t0, t1), ms(t1, t2), lp == null ? Double.NaN : lp.z(), ms(t2, t3),
        greedy == null ? "none" : String.valueOf(check.totalCents(greedy)), ms(t3, t4), main.stop(), main.nodes(),
        main.funded() == null ? "none" : String.valueOf(check.totalCents(main.funded())), main.boundCents(),
        ms(t4, t5), tie == null ? "-" : tie.stop(), tie == null ? 0 : tie.nodes(), fixed,
        main.funded() == null ? "-" : String.valueOf(check.totalCost(main.funded())),
        funded == null ? "-" : String.valueOf(check.totalCost(funded)), ms(t5, t6)));
  }

  private static long ms(long from, long to) {
    return (to - from) / 1_000_000;
  }
}
