package com.kap.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The segmentation criteria weights as process owners edit them in bpmn/, evaluated by Camunda's DMN engine. */
class SegmentationWeightsDmnTest {

  private static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private static DmnDecision decision;

  @BeforeAll
  static void parse() throws IOException {
    try (InputStream dmn = new FileInputStream("bpmn/segmentationWeights.dmn")) {
      decision = ENGINE.parseDecision(SegmentationWeights.DECISION, dmn);
    }
  }

  private static DmnDecisionTableResult evaluate(String criterion) {
    return ENGINE.evaluateDecisionTable(decision, Variables.createVariables().putValue("criterion", criterion));
  }

  @ParameterizedTest(name = "{0} weighs {1}")
  @CsvSource({"spend, 25", "profitPotential, 25", "growth, 15", "strategicFit, 15", "partnershipOpenness, 10",
      "referenceValue, 10", "solutionFit, 25", "deliveryReliability, 20", "relationshipDepth, 20", "valueVsPrice, 15",
      "shareOfWallet, 10", "easeOfBusiness, 10"})
  void eachCriterionHasDesignsWeight(String criterion, double weight) {
    assertThat(evaluate(criterion).getSingleResult().getEntryMap()).containsEntry("weight", weight);
  }

  @Test
  void theTableScoresLikeDesignSaysAndEachAxisAddsUpToAHundred() {
    Map<String, BigDecimal> weights = new LinkedHashMap<>();
    for (Criterion criterion : Criterion.values()) {
      weights.put(criterion.key(), new BigDecimal(evaluate(criterion.key()).getSingleResult().getSingleEntry()
          .toString()));
    }
    for (Criterion.Axis axis : Criterion.Axis.values()) {
      assertThat(Criterion.of(axis).stream().map(c -> weights.get(c.key())).reduce(BigDecimal.ZERO, BigDecimal::add))
          .as(axis.name()).isEqualByComparingTo("100");
    }
    SegmentScorer scorer = new SegmentScorer(weights, BigDecimal.valueOf(50));
    // 25·5 + 25·4 + 15·5 + 15·4 + 10·4 + 10·5 = 450 = half of 9 × 100: exactly 50 is high
    assertThat(scorer.score(SegmentScorerTest.scores(java.util.List.of(6, 5, 6, 5, 5, 6),
        java.util.List.of(1, 1, 1, 1, 1, 1))).attractiveness()).isEqualByComparingTo("50");
  }

  @Test
  void anUnknownCriterionHasNoWeight() {
    assertThat(evaluate("charisma")).isEmpty();
  }
}
