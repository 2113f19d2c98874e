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
