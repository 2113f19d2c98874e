package com.kap.planning.internal;

import com.kap.planning.PlanContent;
import com.kap.planning.PlanDepth;
import com.kap.platform.forms.FormLabels;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The quality bar a submitted plan must meet before anyone reviews it: the sections its depth requires, at least
 * one profitability or value objective (not revenue alone), every objective measurable, and the buying roles the
 * segment's stakeholder coverage (DMN stakeholderCoverage) asks of the stakeholder map.
 */
public final class PlanQualityGate {

  private PlanQualityGate() {}

  /** The issues of a plan for an account with an executive sponsor. */
  public static List<String> issues(PlanContent plan, PlanDepth depth) {
    return issues(plan, depth, true);
  }

  /**
   * @param sponsored whether the account has an executive sponsor: only then does a full plan say where the sponsor
   *     meets the customer
   */
  public static List<String> issues(PlanContent plan, PlanDepth depth, boolean sponsored) {
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
      if (sponsored) {
        require(issues, plan.sponsorTouchpoints(), "Sponsor touchpoints");
      }
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

  /** A row of the DMN table stakeholderCoverage: a buying role the map must hold, and whether with an owner of ours. */
  public record CoverageRule(String role, boolean ownerRequired) {}

  /**
   * What the stakeholder map lacks by the segment's coverage rules: a role nobody holds, or held only by
   * stakeholders without a relationship owner where the rule asks for one.
   */
  public static List<String> coverageIssues(List<PlanContent.Stakeholder> stakeholders, List<CoverageRule> rules,
      String segment) {
    List<String> issues = new ArrayList<>();
    for (CoverageRule rule : rules) {
      List<PlanContent.Stakeholder> holding = stakeholders.stream()
          .filter(s -> rule.role().equals(s.buyingRole())).toList();
      String role = FormLabels.option(PlanDiff.FORM, "stakeholders[].buyingRole", rule.role())
          .toLowerCase(Locale.ROOT);
      String needs = "a" + (startsWithVowel(role) ? "n " : " ") + role
          + (rule.ownerRequired() ? " with a relationship owner of ours" : "");
      if (holding.isEmpty()) {
        issues.add("Stakeholders: a " + segment + " account's map needs " + needs + "; add one.");
      } else if (rule.ownerRequired() && holding.stream().allMatch(s -> blank(s.owner()))) {
        issues.add("Stakeholders: give the " + role + " (" + holding.stream().map(PlanContent.Stakeholder::name)
            .collect(Collectors.joining(", ")) + ") a relationship owner: a " + segment + " account's map needs "
            + needs + ".");
      }
    }
    return issues;
  }

  private static boolean startsWithVowel(String word) {
    return !word.isEmpty() && "aeiou".indexOf(word.charAt(0)) >= 0;
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
