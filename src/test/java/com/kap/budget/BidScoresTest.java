package com.kap.budget;

import static org.assertj.core.api.Assertions.assertThat;

import com.kap.budget.internal.BidScores;
import com.kap.budget.internal.Scorecard;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BidScoresTest {

  /** DESIGN §4's weights, as bpmn/bidScorecardWeights.dmn holds them. */
  static final Map<ScoreCriterion, BigDecimal> DESIGN = new EnumMap<>(Map.of(
      ScoreCriterion.STRATEGIC_FIT, BigDecimal.valueOf(25), ScoreCriterion.RISK_ADJUSTED_VALUE, BigDecimal.valueOf(25),
      ScoreCriterion.ACCOUNT_POTENTIAL, BigDecimal.valueOf(15), ScoreCriterion.RISK, BigDecimal.valueOf(15),
      ScoreCriterion.CO_INVESTMENT, BigDecimal.valueOf(10), ScoreCriterion.FEASIBILITY, BigDecimal.valueOf(10)));

  @Test
  void benefitIsTheWeightedMeanScoreOnAHundredPointScale() {
    BidScores scores = BidScores.of(List.of(card("eric", 5, 4, 3, 2, 1, 0), card("fatima", 5, 4, 3, 2, 1, 0)),
        List.of());
    // (25×5 + 25×4 + 15×3 + 15×2 + 10×1 + 10×0) / 5 = 310 / 5
    assertThat(scores.benefit(DESIGN)).isEqualByComparingTo("62.00");
    assertThat(scores.needsCalibration()).isFalse();
  }

  @Test
  void meansAreExactBeforeTheBenefitIsRounded() {
    BidScores scores = BidScores.of(List.of(card("a", 1, 0, 0, 0, 0, 0), card("b", 0, 0, 0, 0, 0, 0),
        card("c", 0, 0, 0, 0, 0, 0)), List.of());
    // strategic fit mean 1/3: 25 × (1/3) / 5 = 1.666… → 1.67
    assertThat(scores.benefit(DESIGN)).isEqualByComparingTo("1.67");
  }

  @Test
  void aSpreadAboveTwoNeedsCalibrationAndTheCalibratedScoreCounts() {
    BidScores spread = BidScores.of(List.of(card("eric", 1, 3, 3, 3, 3, 3), card("fatima", 4, 5, 3, 3, 3, 3)),
        List.of());
    assertThat(spread.spreadTooFar()).containsExactly(ScoreCriterion.STRATEGIC_FIT); // 3 > 2; 5 − 3 = 2 is fine
    assertThat(spread.needsCalibration()).isTrue();

    BidScores calibrated = BidScores.of(spread.cards(), List.of(new Calibration(0, ScoreCriterion.STRATEGIC_FIT,
        new BigDecimal("3.5"), "agreed", "fatima", Instant.now())));
    assertThat(calibrated.needsCalibration()).isFalse();
    assertThat(calibrated.score(ScoreCriterion.STRATEGIC_FIT)).isEqualByComparingTo("3.5");
    // (25×3.5 + 25×4 + 15×3 + 15×3 + 10×3 + 10×3) / 5 = 337.5 / 5
    assertThat(calibrated.benefit(DESIGN)).isEqualByComparingTo("67.50");
  }

  @Test
  void theRoundsWeightsCount() {
    Map<ScoreCriterion, BigDecimal> riskOnly = new EnumMap<>(ScoreCriterion.class);
    for (ScoreCriterion criterion : ScoreCriterion.values()) {
      riskOnly.put(criterion, criterion == ScoreCriterion.RISK ? BigDecimal.valueOf(100) : BigDecimal.ZERO);
    }
    BidScores scores = BidScores.of(List.of(card("eric", 5, 4, 3, 2, 1, 0)), List.of());
    // 100 × 2 / 5
    assertThat(scores.benefit(riskOnly)).isEqualByComparingTo("40.00");
  }

  @Test
  void aBidNobodyCouldScoreHasNoBenefit() {
    assertThat(BidScores.of(List.of(), List.of()).benefit(DESIGN)).isEqualByComparingTo("0");
  }

  private static Scorecard card(String member, int... values) {
    Map<ScoreCriterion, Integer> scores = new EnumMap<>(ScoreCriterion.class);
    for (ScoreCriterion criterion : ScoreCriterion.values()) {
      scores.put(criterion, values[criterion.ordinal()]);
    }
    return new Scorecard(0, member, scores, "", Instant.now());
  }
}
