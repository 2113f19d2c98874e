package com.kap.planning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.kap.planning.PlanContent.Stakeholder;
import com.kap.planning.internal.StakeholderRules.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class StakeholderRulesTest {

  /** A problem as its field's path and its English, to compare. */
  private static String inEnglish(Problem problem) {
    return problem.path() + ": " + problem.problem().english();
  }

  private static String said(String path, String english) {
    return path + ": " + english;
  }

  @Test
  void aTreeWithOneTopPasses() {
    assertThat(StakeholderRules.problems(List.of(s("Eva Lind", null), s("Jon Berg", "Eva Lind"),
        s("Ole Sand", " jon berg "), s("Kim Ek", "Eva Lind")))).as("names compare without case and spaces").isEmpty();
  }

  @Test
  void severalTopsAndAnEmptyListPass() {
    assertThat(StakeholderRules.problems(List.of(s("Eva Lind", null), s("Max Holm", null)))).isEmpty();
    assertThat(StakeholderRules.problems(List.of())).isEmpty();
  }

  @Test
  void reportsToMustNameAnotherStakeholderOfTheList() {
    assertThat(StakeholderRules.problems(List.of(s("Eva Lind", null), s("Jon Berg", "The CEO"))))
        .extracting(StakeholderRulesTest::inEnglish)
        .containsExactly(said("stakeholders[1].reportsTo", "must name another stakeholder of this list; there"
            + " is no The CEO (add them, or leave the field empty for someone at the top)"));
  }

  @Test
  void nobodyReportsToThemself() {
    assertThat(StakeholderRules.problems(List.of(s("Eva Lind", "eva lind"))))
        .extracting(StakeholderRulesTest::inEnglish)
        .containsExactly(said("stakeholders[0].reportsTo", "must name another stakeholder, not Eva Lind"
            + " themself"));
  }

  @Test
  void aCircleIsNamedOnceAtItsFirstRow() {
    List<Problem> problems = StakeholderRules.problems(List.of(s("Kim Ek", "Jon Berg"), s("Eva Lind", "Ole Sand"),
        s("Jon Berg", "Eva Lind"), s("Ole Sand", "Jon Berg")));

    assertThat(problems).extracting(StakeholderRulesTest::inEnglish)
        .containsExactly(said("stakeholders[1].reportsTo", "makes a circle (Eva Lind → Ole"
        + " Sand → Jon Berg → Eva Lind): the one at the top of it reports to no one in the list"));
  }

  @Test
  void twoPeopleReportingToEachOtherMakeACircle() {
    assertThat(StakeholderRules.problems(List.of(s("Eva Lind", "Jon Berg"), s("Jon Berg", "Eva Lind"))))
        .extracting(Problem::path).containsExactly("stakeholders[0].reportsTo");
  }

  @Test
  void aNameTwiceIsRefusedAtItsSecondRow() {
    assertThat(StakeholderRules.problems(List.of(s("Eva Lind", null), s("Jon Berg", "Eva Lind"), s("eva lind", null))))
        .extracting(StakeholderRulesTest::inEnglish)
        .containsExactly(said("stakeholders[2].name", "names eva lind again (row 1): give each stakeholder one"
            + " row"));
  }

  @Test
  void aRowWithoutANameIsLeftToItsOwnCheck() {
    assertThat(StakeholderRules.problems(List.of(s(null, null), s("Jon Berg", null)))).isEmpty();
  }

  private static Stakeholder s(String name, String reportsTo) {
    return new Stakeholder(name, null, "user", "low", "neutral", null, reportsTo);
  }
}
