package com.kap.planning.internal;

import com.kap.planning.PlanContent;
import com.kap.planning.PlanDepth;
import java.util.ArrayList;
import java.util.List;

/**
 * The quality bar a submitted plan must meet before anyone reviews it: the sections its depth requires, at least
 * one profitability or value objective (not revenue alone), and every objective measurable.
 */
public final class PlanQualityGate {

  private PlanQualityGate() {}

  public static List<String> issues(PlanContent plan, PlanDepth depth) {
    List<String> issues = new ArrayList<>();
    require(issues, plan.customerSituation(), "Customer situation");
    require(issues, plan.objectives(), "Objectives");
    require(issues, plan.actions(), "Action plan");
    if (depth != PlanDepth.ONE_PAGE) {
      require(issues, plan.risks(), "Risks");
    }
    if (depth == PlanDepth.FULL) {
      require(issues, plan.customerStrategy(), "Customer strategy");
      require(issues, plan.strengths(), "Our strengths");
      require(issues, plan.vulnerabilities(), "Our vulnerabilities");
      require(issues, plan.strategies(), "Strategies");
      require(issues, plan.trainingNeeds(), "Training needs");
      require(issues, plan.sponsorTouchpoints(), "Sponsor touchpoints");
    }
    if (!plan.objectives().isEmpty() && !plan.hasValueObjective()) {
      issues.add("Add at least one profitability or value objective: revenue alone is not a plan.");
    }
    for (int i = 0; i < plan.objectives().size(); i++) {
      PlanContent.Objective objective = plan.objectives().get(i);
      List<String> missing = new ArrayList<>();
      if (blank(objective.metric())) {
        missing.add("metric");
      }
      if (blank(objective.target())) {
        missing.add("target");
      }
      if (objective.dueDate() == null) {
        missing.add("due date");
      }
      if (!missing.isEmpty()) {
        issues.add("Objective " + (i + 1) + " (" + label(objective) + ") is not measurable: add its "
            + String.join(", ", missing) + ".");
      }
    }
    return issues;
  }

  private static void require(List<String> issues, String text, String section) {
    if (blank(text)) {
      issues.add(section + " is required for this plan depth.");
    }
  }

  private static void require(List<String> issues, List<?> entries, String section) {
    if (entries.isEmpty()) {
      issues.add(section + ": add at least one entry.");
    }
  }

  private static String label(PlanContent.Objective objective) {
    return blank(objective.description()) ? objective.type() : objective.description();
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
