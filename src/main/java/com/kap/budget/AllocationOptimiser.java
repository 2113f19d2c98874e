package com.kap.budget;

import com.kap.budget.AllocationResult.Point;
import com.kap.budget.AllocationResult.Sensitivity;
import com.kap.budget.AllocationSolver.Solution;
import com.kap.budget.AllocationSolver.Status;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Funds the bids of most total benefit within {@code budget − reserve}, exactly (DESIGN §4), and explains the
 * result: each unfunded bid's reason, the next in line, and the optimum at 10 % less and more available. Thread-safe;
 * each of its three exact solves may take up to {@code kap.budget.optimiser.time-limit}.
 */
@Component
public class AllocationOptimiser {

  private final AllocationProperties properties;
  private final AllocationSolver solver;

  public AllocationOptimiser(AllocationProperties properties) {
    this.properties = properties;
    this.solver = new AllocationSolver(properties.timeLimit());
  }

  /**
   * @throws com.kap.web.ApiException 400 or 422 naming the field when the problem is malformed or contradicts itself
   * @throws AllocationInfeasible 422 when no allocation meets the constraints
   * @throws AllocationTimedOut 503 when the time limit passed before any allocation was found
   */
  public AllocationResult solve(AllocationProblem problem) {
    AllocationGraph graph = AllocationProblemValidator.check(problem);
    long available = problem.available();
    long start = System.nanoTime();
    Solution solution = solver.solve(graph, problem.regionMinimum(), available, null);
    long solveMillis = (System.nanoTime() - start) / 1_000_000;
    if (solution.status() == Status.INFEASIBLE) {
      throw new AllocationInfeasible(solver.explainInfeasibility(graph, problem.regionMinimum(), available));
    }
    if (solution.status() == Status.UNKNOWN) {
      throw new AllocationTimedOut(properties.timeLimit());
    }
    boolean[] funded = solution.funded();
    List<String> fundedIds = new ArrayList<>();
    long totalCost = 0;
    for (int i = 0; i < funded.length; i++) {
      if (funded[i]) {
        fundedIds.add(graph.id(i));
        totalCost += graph.bid(i).cost();
      }
    }
    boolean optimal = solution.status() == Status.OPTIMAL;
    AllocationExplainer explainer = new AllocationExplainer(graph, funded, available - totalCost, optimal);
    Sensitivity sensitivity = new Sensitivity(
        point(graph, problem, available * 9 / 10, funded),
        point(graph, problem, available * 11 / 10, funded));
    return new AllocationResult(List.copyOf(fundedIds), totalCost, totalBenefit(graph, funded), optimal,
        explainer.unfunded(), explainer.nextInLine(), sensitivity, available, solveMillis);
  }

  private Point point(AllocationGraph graph, AllocationProblem problem, long available, boolean[] hint) {
    Solution solution = solver.solve(graph, problem.regionMinimum(), available, hint);
    if (solution.funded() == null) {
      return new Point(available, null, 0, false, solution.status() == Status.INFEASIBLE);
    }
    int count = 0;
    for (boolean funded : solution.funded()) {
      count += funded ? 1 : 0;
    }
    return new Point(available, totalBenefit(graph, solution.funded()), count,
        solution.status() == Status.OPTIMAL, false);
  }

  private static BigDecimal totalBenefit(AllocationGraph graph, boolean[] funded) {
    BigDecimal total = BigDecimal.ZERO.setScale(2);
    for (int i = 0; i < funded.length; i++) {
      if (funded[i]) {
        total = total.add(graph.bid(i).benefit());
      }
    }
    return total.setScale(2); // exact: every benefit has at most two decimals
  }
}
