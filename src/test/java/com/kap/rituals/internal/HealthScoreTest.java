package com.kap.rituals.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.kap.rituals.AccountHealth;
import com.kap.rituals.internal.AccountHealthRepository.ReviewedObjective;
import com.kap.rituals.internal.AccountHealthRepository.RitualFigures;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The arithmetic of account health: 100 plus the points, kept within 0-100, and the table's inputs. */
class HealthScoreTest {

  @Test
  void theScoreIs100PlusThePoints() {
    assertThat(HealthScore.score(List.of())).isEqualTo(100);
    assertThat(HealthScore.score(List.of(-30, -10))).isEqualTo(60);
    assertThat(HealthScore.score(Arrays.asList(-15, null))).isEqualTo(85);
  }

  @Test
  void theScoreStaysWithin0And100() {
    assertThat(HealthScore.score(List.of(-60, -50))).isZero();
    assertThat(HealthScore.score(List.of(Integer.MIN_VALUE, Integer.MIN_VALUE))).isZero();
    assertThat(HealthScore.score(List.of(20))).isEqualTo(100); // a process owner's bonus cannot pass 100
    assertThat(HealthScore.score(List.of(-100))).isZero();
  }

  @Test
  void theResultKeepsTheReasonsInTheTablesOrder() {
    HealthScore.Result result = HealthScore.fromResult(List.of(
        Map.<String, Object>of("points", -30, "reason", "Rituals held: 40 %"),
        Map.<String, Object>of("points", 0, "reason", " "),
        Map.<String, Object>of("points", -20L, "reason", "3 actions overdue")));
    assertThat(result).isEqualTo(new HealthScore.Result(50, List.of("Rituals held: 40 %", "3 actions overdue")));
  }

  @Test
  void heldPercentIsUnknownWhileNothingIsDue() {
    assertThat(HealthScore.heldPercent(0, 0)).isNull();
    assertThat(HealthScore.heldPercent(2, 5)).isEqualTo(40);
    assertThat(HealthScore.heldPercent(2, 3)).isEqualTo(67); // 66.67 rounded half up
    assertThat(HealthScore.heldPercent(1, 8)).isEqualTo(13); // 12.5 rounded half up
  }

  @Test
  void theObjectivesAverageLeavesOutThoseWithoutANumber() {
    assertThat(HealthScore.averagePercent(List.of())).isNull();
    assertThat(HealthScore.averagePercent(Arrays.asList(null, null))).isNull();
    assertThat(HealthScore.averagePercent(Arrays.asList(40, null, 61))).isEqualTo(51); // 50.5 rounded half up
  }

  @Test
  void reasonsAreStoredALineEach() {
    assertThat(HealthScore.split(HealthScore.joined(List.of("a", "b")))).containsExactly("a", "b");
    assertThat(HealthScore.split(HealthScore.joined(List.of()))).isEmpty();
  }

  @Test
  void theInputsFromWhatWasRead() {
    AccountHealth.Inputs inputs = AccountHealth.inputs(new RitualFigures(2, 5, 3.25),
        List.of(new ReviewedObjective(2027, 1, 0, "€2.4M", new BigDecimal("1.2")),
            new ReviewedObjective(2027, 1, 1, "NPS 40", new BigDecimal("40")),
            new ReviewedObjective(2027, 1, 2, "better relations", new BigDecimal("1"))),
        "Strategic", List.of("decision maker with an owner", "champion with an owner"), 3);
    assertThat(inputs).isEqualTo(new AccountHealth.Inputs(40, 3.25, 75, 2,
        "decision maker with an owner and no champion with an owner", 3));
  }

  @Test
  void whatIsNotKnownStaysUnknown() {
    assertThat(AccountHealth.inputs(null, null, null, null, 0))
        .isEqualTo(new AccountHealth.Inputs(null, null, null, null, null, 0));
    assertThat(AccountHealth.inputs(new RitualFigures(0, 0, null), List.of(), "Status", List.of(), 0))
        .isEqualTo(new AccountHealth.Inputs(null, null, null, 0, null, 0));
  }
}
