package com.kap.planning;

import static org.assertj.core.api.Assertions.assertThat;

import com.kap.planning.internal.PlanQualityGate;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanQualityGateTest {

  private static final LocalDate DUE = LocalDate.of(2027, 12, 31);
  private static final PlanContent.Objective MARGIN =
      new PlanContent.Objective("profitability", "Lift margin", "Gross margin", "24%", "28%", DUE);
  private static final PlanContent.Objective REVENUE =
      new PlanContent.Objective("revenue", "Grow revenue", "Revenue", "4M", "5M", DUE);

  @Test
  void aCompleteFullPlanPasses() {
    assertThat(PlanQualityGate.issues(full(List.of(REVENUE, MARGIN)), PlanDepth.FULL)).isEmpty();
  }

  @Test
  void revenueAloneIsNotEnough() {
    assertThat(PlanQualityGate.issues(full(List.of(REVENUE)), PlanDepth.FULL))
        .containsExactly("Add at least one profitability or value objective: revenue alone is not a plan.");
  }

  @Test
  void everyObjectiveMustBeMeasurable() {
    PlanContent.Objective vague = new PlanContent.Objective("value", "Be their partner", null, null, " ", null);

    assertThat(PlanQualityGate.issues(full(List.of(MARGIN, vague)), PlanDepth.FULL))
        .containsExactly("Objective 2 (Be their partner) is not measurable: add its metric, target, due date.");
  }

  @Test
  void theRequiredSectionsFollowThePlanDepth() {
    PlanContent onePager = new PlanContent("Situation", null, null, null, List.of(MARGIN), null,
        List.of(new PlanContent.Action("Workshop", "kam", DUE)), List.of(), List.of(), null);

    assertThat(PlanQualityGate.issues(onePager, PlanDepth.ONE_PAGE)).isEmpty();
    assertThat(PlanQualityGate.issues(onePager, PlanDepth.LIGHT)).containsExactly("Risks: add at least one entry.");
    assertThat(PlanQualityGate.issues(onePager, PlanDepth.FULL)).contains(
        "Risks: add at least one entry.", "Customer strategy is required for this plan depth.",
        "Our strengths is required for this plan depth.", "Training needs: add at least one entry.",
        "Sponsor touchpoints is required for this plan depth.");
    assertThat(PlanQualityGate.issues(onePager, PlanDepth.FULL, false)).as("an account without a sponsor")
        .doesNotContain("Sponsor touchpoints is required for this plan depth.")
        .contains("Customer strategy is required for this plan depth.");
  }

  @Test
  void anEmptyPlanNamesEverySectionItMisses() {
    PlanContent empty = new PlanContent(null, null, null, null, List.of(), null, List.of(), List.of(), List.of(), null);

    assertThat(PlanQualityGate.issues(empty, PlanDepth.ONE_PAGE)).containsExactly(
        "Customer situation is required for this plan depth.", "Objectives: add at least one entry.",
        "Action plan: add at least one entry.");
  }

  // --- stakeholder coverage (the rules are rows of DMN stakeholderCoverage) ---

  private static final List<PlanQualityGate.CoverageRule> STRATEGIC = List.of(
      new PlanQualityGate.CoverageRule("decisionMaker", true), new PlanQualityGate.CoverageRule("champion", true));

  @Test
  void aMapWithTheRolesAndTheirOwnersCoversTheSegment() {
    List<PlanContent.Stakeholder> map = List.of(stakeholder("Eva Lind", "decisionMaker", "alice"),
        stakeholder("Jon Berg", "champion", "gilles"), stakeholder("Ole Sand", "blocker", null));

    assertThat(PlanQualityGate.coverageIssues(map, STRATEGIC, "Strategic")).isEmpty();
  }

  @Test
  void aMissingRoleIsNamedWithTheSegmentThatAsksForIt() {
    List<PlanContent.Stakeholder> map = List.of(stakeholder("Jon Berg", "champion", "gilles"),
        stakeholder("Ole Sand", "influencer", "alice"));

    assertThat(PlanQualityGate.coverageIssues(map, STRATEGIC, "Strategic")).containsExactly(
        "Stakeholders: a Strategic account's map needs a decision maker with a relationship owner of ours; add one.");
    assertThat(PlanQualityGate.coverageIssues(List.of(), STRATEGIC, "Strategic")).hasSize(2)
        .anyMatch(issue -> issue.contains("needs a champion with a relationship owner of ours"));
  }

  @Test
  void aRoleHeldOnlyByPeopleWithoutAnOwnerAsksForAnOwner() {
    List<PlanContent.Stakeholder> map = List.of(stakeholder("Eva Lind", "decisionMaker", null),
        stakeholder("Max Holm", "decisionMaker", null), stakeholder("Jon Berg", "champion", "gilles"));

    assertThat(PlanQualityGate.coverageIssues(map, STRATEGIC, "Strategic")).containsExactly(
        "Stakeholders: give the decision maker (Eva Lind, Max Holm) a relationship owner: a Strategic account's map"
            + " needs a decision maker with a relationship owner of ours.");
    List<PlanContent.Stakeholder> oneOwned = List.of(stakeholder("Eva Lind", "decisionMaker", null),
        stakeholder("Max Holm", "decisionMaker", "diane"), stakeholder("Jon Berg", "champion", "gilles"));
    assertThat(PlanQualityGate.coverageIssues(oneOwned, STRATEGIC, "Strategic")).as("one owned is enough").isEmpty();
  }

  @Test
  void aRuleWithoutAnOwnerIsMetByAnyoneInTheRole() {
    List<PlanQualityGate.CoverageRule> championOnly = List.of(new PlanQualityGate.CoverageRule("champion", false));

    assertThat(PlanQualityGate.coverageIssues(List.of(stakeholder("Jon Berg", "champion", null)), championOnly,
        "Star")).isEmpty();
    assertThat(PlanQualityGate.coverageIssues(List.of(), championOnly, "Star"))
        .containsExactly("Stakeholders: a Star account's map needs a champion; add one.");
    assertThat(PlanQualityGate.coverageIssues(List.of(), List.of(new PlanQualityGate.CoverageRule("influencer",
        false)), "Star")).containsExactly("Stakeholders: a Star account's map needs an influencer; add one.");
  }

  @Test
  void aFrenchKamReadsTheReasonsInFrench() {
    PlanContent.Objective vague = new PlanContent.Objective("value", null, null, null, " ", null);
    assertThat(french(PlanQualityGate.problems(full(List.of(REVENUE, vague)), PlanDepth.FULL))).containsExactly(
        "L'objectif 2 (Valeur) n'est pas mesurable : ajoutez son indicateur, sa cible, son échéance.");
    assertThat(french(PlanQualityGate.problems(full(List.of(REVENUE)), PlanDepth.FULL))).containsExactly(
        "Ajoutez au moins un objectif de rentabilité ou de valeur : le chiffre d'affaires seul ne fait pas un plan.");
    PlanContent empty = new PlanContent(null, null, null, null, List.of(), null, List.of(), List.of(), List.of(), null);
    assertThat(french(PlanQualityGate.problems(empty, PlanDepth.ONE_PAGE))).containsExactly(
        "Situation du client : obligatoire pour cette profondeur de plan.", "Objectifs : ajoutez au moins une ligne.",
        "Plan d'actions : ajoutez au moins une ligne.");
    List<PlanContent.Stakeholder> map = List.of(stakeholder("Eva Lind", "decisionMaker", null),
        stakeholder("Ole Sand", "influencer", "alice"));
    assertThat(french(PlanQualityGate.coverageProblems(map, STRATEGIC, "Strategic"))).containsExactly(
        "Parties prenantes : donnez un responsable de la relation au rôle décideur (Eva Lind) : la cartographie d'un"
            + " compte Strategic doit compter un décideur avec un responsable de la relation chez nous.",
        "Parties prenantes : la cartographie d'un compte Strategic doit compter un champion avec un responsable de la"
            + " relation chez nous ; ajoutez-en un.");
    assertThat(PlanQualityGate.coverageProblems(map, STRATEGIC, "Strategic").get(0).english()).as("the English stays")
        .isEqualTo("Stakeholders: give the decision maker (Eva Lind) a relationship owner: a Strategic account's map"
            + " needs a decision maker with a relationship owner of ours.");
  }

  private static List<String> french(List<com.kap.platform.forms.Problem> problems) {
    return problems.stream().map(problem -> problem.in(java.util.Locale.FRENCH)).toList();
  }

  @Test
  void noRulesNoIssues() {
    assertThat(PlanQualityGate.coverageIssues(List.of(), List.of(), "Streamline")).isEmpty();
  }

  private static PlanContent.Stakeholder stakeholder(String name, String role, String owner) {
    return new PlanContent.Stakeholder(name, null, role, "high", "neutral", owner, null);
  }

  private static PlanContent full(List<PlanContent.Objective> objectives) {
    return new PlanContent("Situation", "Strategy", "Strengths", "Vulnerabilities", objectives, "Strategies",
        List.of(new PlanContent.Action("Workshop", "kam", DUE)),
        List.of(new PlanContent.Risk("Price war", "high", "Value selling")),
        List.of(new PlanContent.TrainingNeed("kam", "Negotiation")), "Quarterly top-to-top");
  }
}
