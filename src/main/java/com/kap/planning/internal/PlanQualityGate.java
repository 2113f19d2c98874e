package com.kap.planning.internal;

import com.kap.planning.PlanContent;
import com.kap.planning.PlanDepth;
import com.kap.platform.forms.FormLabels;
import com.kap.platform.forms.LocalizedText;
import com.kap.platform.forms.Problem;
import com.kap.platform.i18n.SourceTexts;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The quality bar a submitted plan must meet before anyone reviews it: the sections its depth requires, at least
 * one profitability or value objective (not revenue alone), every objective measurable, and the buying roles the
 * segment's stakeholder coverage (DMN stakeholderCoverage) asks of the stakeholder map.
 */
public final class PlanQualityGate {

  private PlanQualityGate() {}

  /** Why the plan misses the bar, in English (as stored with the plan version), for an account with a sponsor. */
  public static List<String> issues(PlanContent plan, PlanDepth depth) {
    return english(problems(plan, depth, true));
  }

  /** Why the plan misses the bar, in any language ({@code problem.quality.*} of i18n/problems.properties). */
  public static List<Problem> problems(PlanContent plan, PlanDepth depth) {
    return problems(plan, depth, true);
  }

  /**
   * @param sponsored whether the account has an executive sponsor: only then does a full plan say where the sponsor
   *     meets the customer
   */
  public static List<String> issues(PlanContent plan, PlanDepth depth, boolean sponsored) {
    return english(problems(plan, depth, sponsored));
  }

  /** The same, in any language. */
  public static List<Problem> problems(PlanContent plan, PlanDepth depth, boolean sponsored) {
    List<Problem> issues = new ArrayList<>();
    require(issues, plan.customerSituation(), "customerSituation");
    require(issues, plan.objectives(), "objectives");
    require(issues, plan.actions(), "actions");
    if (depth != PlanDepth.ONE_PAGE) {
      require(issues, plan.risks(), "risks");
    }
    if (depth == PlanDepth.FULL) {
      require(issues, plan.customerStrategy(), "customerStrategy");
      require(issues, plan.strengths(), "strengths");
      require(issues, plan.vulnerabilities(), "vulnerabilities");
      require(issues, plan.strategies(), "strategies");
      require(issues, plan.trainingNeeds(), "trainingNeeds");
      if (sponsored) {
        require(issues, plan.sponsorTouchpoints(), "sponsorTouchpoints");
      }
    }
    if (!plan.objectives().isEmpty() && !plan.hasValueObjective()) {
      issues.add(Problem.of("quality.revenueAlone"));
    }
    for (int i = 0; i < plan.objectives().size(); i++) {
      PlanContent.Objective objective = plan.objectives().get(i);
      List<Problem> missing = new ArrayList<>();
      if (blank(objective.metric())) {
        missing.add(Problem.of("quality.missing.metric"));
      }
      if (blank(objective.target())) {
        missing.add(Problem.of("quality.missing.target"));
      }
      if (objective.dueDate() == null) {
        missing.add(Problem.of("quality.missing.dueDate"));
      }
      if (!missing.isEmpty()) {
        issues.add(Problem.of("quality.notMeasurable", i + 1, label(objective), missing));
      }
    }
    return issues;
  }

  /** A row of the DMN table stakeholderCoverage: a buying role the map must hold, and whether with an owner of ours. */
  public record CoverageRule(String role, boolean ownerRequired) {}

  /**
   * What the stakeholder map lacks by the segment's coverage rules, in English: a role nobody holds, or held only by
   * stakeholders without a relationship owner where the rule asks for one.
   */
  public static List<String> coverageIssues(List<PlanContent.Stakeholder> stakeholders, List<CoverageRule> rules,
      String segment) {
    return english(coverageProblems(stakeholders, rules, segment));
  }

  /**
   * What the stakeholder map lacks, in any language: the table's outputs are codes (a buying role, a flag), said in
   * the words of the draft form's options ({@code stakeholders[].buyingRole}) and of
   * {@code problem.quality.coverage.*}.
   */
  public static List<Problem> coverageProblems(List<PlanContent.Stakeholder> stakeholders, List<CoverageRule> rules,
      String segment) {
    List<Problem> issues = new ArrayList<>();
    for (CoverageRule rule : rules) {
      List<PlanContent.Stakeholder> holding = stakeholders.stream()
          .filter(s -> rule.role().equals(s.buyingRole())).toList();
      LocalizedText role = locale -> FormLabels.option(PlanDiff.FORM, "stakeholders[].buyingRole", rule.role(), locale)
          .toLowerCase(locale);
      LocalizedText aRole = locale -> SourceTexts.isFrench(locale)
          ? Problem.of("quality.coverage.aRole", role.in(locale)).in(locale)
          : "a" + (startsWithVowel(role.in(locale)) ? "n " : " ") + role.in(locale);
      Problem needs = Problem.of(rule.ownerRequired() ? "quality.coverage.withOwner" : "quality.coverage.role", aRole);
      if (holding.isEmpty()) {
        issues.add(Problem.of("quality.coverage.missing", segment, needs));
      } else if (rule.ownerRequired() && holding.stream().allMatch(s -> blank(s.owner()))) {
        issues.add(Problem.of("quality.coverage.noOwner", role, holding.stream().map(PlanContent.Stakeholder::name)
            .collect(Collectors.joining(", ")), segment, needs));
      }
    }
    return issues;
  }

  private static List<String> english(List<Problem> problems) {
    return problems.stream().map(Problem::english).toList();
  }

  private static boolean startsWithVowel(String word) {
    return !word.isEmpty() && "aeiou".indexOf(word.charAt(0)) >= 0;
  }

  private static void require(List<Problem> issues, String text, String section) {
    if (blank(text)) {
      issues.add(Problem.of("quality.required", Problem.of("quality.section." + section)));
    }
  }

  private static void require(List<Problem> issues, List<?> entries, String section) {
    if (entries.isEmpty()) {
      issues.add(Problem.of("quality.noEntry", Problem.of("quality.section." + section)));
    }
  }

  /** The objective as the KAM wrote it; without a description, its type as the form shows it. */
  private static LocalizedText label(PlanContent.Objective objective) {
    return locale -> !blank(objective.description()) ? objective.description()
        : SourceTexts.isFrench(locale)
            ? FormLabels.option(PlanDiff.FORM, "objectives[].type", objective.type(), locale) : objective.type();
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
