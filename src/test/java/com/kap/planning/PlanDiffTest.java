package com.kap.planning;

import static org.assertj.core.api.Assertions.assertThat;

import com.kap.planning.PlanChange.Kind;
import com.kap.planning.PlanContent.Action;
import com.kap.planning.PlanContent.Objective;
import com.kap.planning.PlanContent.Risk;
import com.kap.planning.PlanContent.TrainingNeed;
import com.kap.planning.internal.PlanDiff;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** What the account page shows as a plan version's changes: sections, entries and fields in the form's words. */
class PlanDiffTest {

  private static final Objective MARGIN = new Objective("revenue", "Lift margin", "GM", "24%", "27%",
      LocalDate.of(2084, 12, 31));
  private static final Action WORKSHOP = new Action("Pricing workshop", "alice", LocalDate.of(2084, 3, 31));

  @Test
  void theSameVersionChangesNothing() {
    PlanContent plan = plan("Consolidating suppliers", List.of(MARGIN), List.of(WORKSHOP), List.of());
    assertThat(PlanDiff.between(plan, plan)).isEmpty();
  }

  @Test
  void textsEntriesAndFieldsAreAddedRemovedOrChangedInTheFormsLabels() {
    PlanContent before = plan("Consolidating suppliers", List.of(MARGIN), List.of(WORKSHOP),
        List.of(new Risk("Competitor", "medium", null)));
    PlanContent after = plan("Consolidating suppliers after the merger",
        List.of(new Objective("profitability", "Lift margin", "GM", "24%", "28%", LocalDate.of(2084, 12, 31))),
        List.of(WORKSHOP, new Action("Executive dinner", "gilles", LocalDate.of(2084, 5, 2))), List.of());

    assertThat(PlanDiff.between(before, after)).containsExactly(
        new PlanChange("Customer situation", null, null, Kind.CHANGED, "Consolidating suppliers",
            "Consolidating suppliers after the merger"),
        new PlanChange("Objectives", "Lift margin", "Type", Kind.CHANGED, "Revenue", "Profitability"),
        new PlanChange("Objectives", "Lift margin", "Target", Kind.CHANGED, "27%", "28%"),
        new PlanChange("Action plan", "Executive dinner", null, Kind.ADDED, null,
            "Action: Executive dinner; Owner: gilles; Due date: 2084-05-02"),
        new PlanChange("Risks", "Competitor", null, Kind.REMOVED, "Risk: Competitor; Likelihood: Medium", null));
  }

  @Test
  void aFrenchReaderReadsSectionsFieldsOptionsAndDaysInFrenchAndWhatWasTypedAsTyped() {
    PlanContent before = plan("Consolidating suppliers", List.of(MARGIN), List.of(WORKSHOP),
        List.of(new Risk("Competitor", "medium", null)));
    PlanContent after = plan("Consolidating suppliers after the merger",
        List.of(new Objective("profitability", "Lift margin", "GM", "24%", "28%", LocalDate.of(2084, 12, 31))),
        List.of(WORKSHOP, new Action("Executive dinner", "gilles", LocalDate.of(2084, 5, 2)),
            new Action(" ", "diane", null)), List.of());

    assertThat(PlanDiff.between(before, after, Locale.FRENCH)).containsExactly(
        new PlanChange("Situation du client", null, null, Kind.CHANGED, "Consolidating suppliers",
            "Consolidating suppliers after the merger"),
        new PlanChange("Objectifs", "Lift margin", "Type", Kind.CHANGED, "Chiffre d'affaires", "Rentabilité"),
        new PlanChange("Objectifs", "Lift margin", "Cible", Kind.CHANGED, "27%", "28%"),
        new PlanChange("Plan d’actions", "Executive dinner", null, Kind.ADDED, null,
            "Action : Executive dinner ; Responsable : gilles ; Échéance : 02/05/2084"),
        new PlanChange("Plan d’actions", "(sans texte)", null, Kind.ADDED, null, "Responsable : diane"),
        new PlanChange("Risques", "Competitor", null, Kind.REMOVED, "Risque : Competitor ; Probabilité : Moyenne",
            null));
    assertThat(PlanDiff.between(plan("A", List.of(), List.of(), List.of()),
        new PlanContent("A", "B", "C", "D", List.of(), "E", List.of(), List.of(), List.of(), "F"), Locale.FRENCH))
        .extracting(PlanChange::section).containsExactly("Stratégie du client", "Nos forces", "Nos vulnérabilités",
            "Stratégies", "Besoins de formation", "Points de contact du sponsor");
  }

  @Test
  void anEnglishReaderReadsTheSameAsBefore() {
    PlanContent before = plan("A", List.of(), List.of(), List.of());
    PlanContent after = new PlanContent("A", "B", "C", "D", List.of(), "E", List.of(new Action(null, "diane", null)),
        List.of(), List.of(), "F");
    assertThat(PlanDiff.between(before, after, Locale.ENGLISH)).isEqualTo(PlanDiff.between(before, after))
        .extracting(PlanChange::section).containsExactly("Customer strategy", "Our strengths", "Our vulnerabilities",
            "Strategies", "Action plan", "Training needs", "Sponsor touchpoints");
    assertThat(PlanDiff.between(before, after).get(4).entry()).isEqualTo("(no text)");
    assertThat(PlanDiff.between(before, after).get(4).after()).isEqualTo("Owner: diane");
  }

  @Test
  void aSectionLeftEmptyIsRemovedAndOneFilledInIsAdded() {
    PlanContent before = plan("Consolidating suppliers", List.of(MARGIN), List.of(WORKSHOP), List.of());
    PlanContent after = plan(" ", List.of(MARGIN), List.of(WORKSHOP), List.of());
    assertThat(PlanDiff.between(before, after)).containsExactly(
        new PlanChange("Customer situation", null, null, Kind.REMOVED, "Consolidating suppliers", null));
    assertThat(PlanDiff.between(after, before)).containsExactly(
        new PlanChange("Customer situation", null, null, Kind.ADDED, null, "Consolidating suppliers"));
  }

  private static PlanContent plan(String situation, List<Objective> objectives, List<Action> actions,
      List<Risk> risks) {
    return new PlanContent(situation, null, null, null, objectives, null, actions, risks,
        List.of(new TrainingNeed("kam", "Value selling")), null);
  }
}
