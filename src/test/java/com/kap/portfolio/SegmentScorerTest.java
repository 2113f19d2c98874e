package com.kap.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SegmentScorerTest {

  /** DESIGN §3's weights (as bpmn/segmentationWeights.dmn holds them), criterion key → weight. */
  static Map<String, BigDecimal> defaults() {
    Map<String, BigDecimal> weights = new LinkedHashMap<>();
    weights.putAll(weights(Criterion.Axis.ATTRACTIVENESS, 25, 25, 15, 15, 10, 10));
    weights.putAll(weights(Criterion.Axis.STRENGTH, 25, 20, 20, 15, 10, 10));
    return weights;
  }

  private static final BigDecimal THRESHOLD = BigDecimal.valueOf(50);

  private final SegmentScorer scorer = new SegmentScorer(defaults(), THRESHOLD);

  @Test
  void exactlyFiftyCountsAsHigh() {
    // 25·5 + 25·4 + 15·5 + 15·4 + 10·4 + 10·5 = 450 = half of 9 × 100
    SegmentScorer.Scoring scoring = scorer.score(scores(List.of(6, 5, 6, 5, 5, 6), List.of(1, 1, 1, 1, 1, 1)));

    assertThat(scoring.attractiveness()).isEqualByComparingTo("50");
    assertThat(scoring.segment()).isEqualTo(Segment.STAR);
  }

  @Test
  void floatingPointTrapCaseStaysAtFifty() {
    List<Integer> attractiveness = List.of(6, 8, 2, 4, 1, 10);
    List<Integer> strength = List.of(8, 4, 8, 2, 3, 5);
    // the naive per-criterion double computation lands just below the boundary for both
    assertThat(naive(attractiveness, 25, 25, 15, 15, 10, 10)).isLessThan(50.0);
    assertThat(naive(strength, 25, 20, 20, 15, 10, 10)).isLessThan(50.0);

    SegmentScorer.Scoring scoring = scorer.score(scores(attractiveness, strength));

    assertThat(scoring.attractiveness()).isEqualByComparingTo("50");
    assertThat(scoring.strength()).isEqualByComparingTo("50");
    assertThat(scoring.segment()).isEqualTo(Segment.STRATEGIC);
  }

  @Test
  void justBelowFiftyIsLowAndIsNotRoundedUpInTheReport() {
    // 450 − 10 points → 48.88…
    SegmentScorer.Scoring scoring = scorer.score(scores(List.of(6, 5, 6, 5, 4, 6), List.of(10, 10, 10, 10, 10, 10)));

    assertThat(scoring.attractiveness()).isLessThan(new BigDecimal("50")).isEqualByComparingTo("48.8888");
    assertThat(scoring.strength()).isEqualByComparingTo("100");
    assertThat(scoring.segment()).isEqualTo(Segment.STATUS);
  }

  @Test
  void placesEachQuadrant() {
    assertThat(scorer.score(uniform(10, 10)).segment()).isEqualTo(Segment.STRATEGIC);
    assertThat(scorer.score(uniform(10, 1)).segment()).isEqualTo(Segment.STAR);
    assertThat(scorer.score(uniform(1, 10)).segment()).isEqualTo(Segment.STATUS);
    assertThat(scorer.score(uniform(1, 1)).segment()).isEqualTo(Segment.STREAMLINE);
    assertThat(scorer.score(uniform(1, 1)).attractiveness()).isEqualByComparingTo("0");
  }

  @Test
  void theWeightsChangeTheResult() {
    Map<String, BigDecimal> onlySpend = defaults();
    Criterion.of(Criterion.Axis.ATTRACTIVENESS).forEach(c -> onlySpend.put(c.key(), BigDecimal.ZERO));
    onlySpend.put("spend", BigDecimal.ONE);
    SegmentScorer spendOnly = new SegmentScorer(onlySpend, THRESHOLD);

    SegmentScorer.Scoring scoring = spendOnly.score(scores(List.of(10, 1, 1, 1, 1, 1), List.of(1, 1, 1, 1, 1, 1)));

    assertThat(scoring.attractiveness()).isEqualByComparingTo("100");
    assertThat(scorer.score(scores(List.of(10, 1, 1, 1, 1, 1), List.of(1, 1, 1, 1, 1, 1))).attractiveness())
        .as("with DESIGN's weights, spend is a quarter").isEqualByComparingTo("25");
  }

  @Test
  void refusesBadWeights() {
    Map<String, BigDecimal> missing = defaults();
    missing.remove("solutionFit");
    assertThatThrownBy(() -> new SegmentScorer(missing, THRESHOLD))
        .hasMessage("there is no weight for solutionFit");
    Map<String, BigDecimal> negative = defaults();
    negative.put("growth", new BigDecimal("-5"));
    assertThatThrownBy(() -> new SegmentScorer(negative, THRESHOLD))
        .hasMessage("the weight of growth is -5; weights must be 0 or more");
    Map<String, BigDecimal> zero = defaults();
    Criterion.of(Criterion.Axis.STRENGTH).forEach(c -> zero.put(c.key(), BigDecimal.ZERO));
    assertThatThrownBy(() -> new SegmentScorer(zero, THRESHOLD))
        .hasMessage("the strength weights add up to 0; at least one must be more than 0");
  }

  @Test
  void refusesScoresOutsideOneToTen() {
    Map<Criterion, Integer> scores = uniform(5, 5);
    scores.put(Criterion.GROWTH, 11);
    assertThatThrownBy(() -> scorer.score(scores)).hasMessageContaining("growth must be a score from 1 to 10");
  }

  private static double naive(List<Integer> scores, int... weights) {
    double sum = 0;
    double weightSum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i] * (scores.get(i) - 1) / 9.0;
      weightSum += weights[i];
    }
    return sum / weightSum * 100;
  }

  static Map<Criterion, Integer> uniform(int attractiveness, int strength) {
    return scores(List.of(attractiveness, attractiveness, attractiveness, attractiveness, attractiveness,
        attractiveness), List.of(strength, strength, strength, strength, strength, strength));
  }

  static Map<Criterion, Integer> scores(List<Integer> attractiveness, List<Integer> strength) {
    Map<Criterion, Integer> scores = new EnumMap<>(Criterion.class);
    List<Criterion> a = Criterion.of(Criterion.Axis.ATTRACTIVENESS);
    List<Criterion> s = Criterion.of(Criterion.Axis.STRENGTH);
    for (int i = 0; i < 6; i++) {
      scores.put(a.get(i), attractiveness.get(i));
      scores.put(s.get(i), strength.get(i));
    }
    return scores;
  }

  private static Map<String, BigDecimal> weights(Criterion.Axis axis, int... values) {
    Map<String, BigDecimal> weights = new LinkedHashMap<>();
    List<Criterion> criteria = Criterion.of(axis);
    for (int i = 0; i < values.length; i++) {
      weights.put(criteria.get(i).key(), BigDecimal.valueOf(values[i]));
    }
    return weights;
  }
}
