package com.kap.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kap.budget.internal.ScorecardWeights;
import com.kap.platform.rules.Weights;
import com.kap.platform.rules.WeightsRefused;
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

/** The bid scorecard's weights as process owners edit them in bpmn/, evaluated by Camunda's DMN engine. */
class BidScorecardWeightsDmnTest {

  private static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private static DmnDecision decision;

  @BeforeAll
  static void parse() throws IOException {
    try (InputStream dmn = new FileInputStream("bpmn/bidScorecardWeights.dmn")) {
      decision = ENGINE.parseDecision(ScorecardWeights.DECISION, dmn);
    }
  }

  private static DmnDecisionTableResult evaluate(String criterion) {
    return ENGINE.evaluateDecisionTable(decision, Variables.createVariables().putValue("criterion", criterion));
  }

  @ParameterizedTest(name = "{0} weighs {1}")
  @CsvSource({"strategicFit, 25", "riskAdjustedValue, 25", "accountPotential, 15", "risk, 15", "coInvestment, 10",
      "feasibility, 10"})
  void eachCriterionHasDesignsWeight(String criterion, double weight) {
    assertThat(evaluate(criterion).getSingleResult().getEntryMap()).containsEntry("weight", weight);
  }

  @Test
  void everyScorecardCriterionHasOneRowAndTheWeightsAddUpToAHundred() {
    Map<String, BigDecimal> values = new LinkedHashMap<>();
    for (ScoreCriterion criterion : ScoreCriterion.values()) {
      Object weight = evaluate(criterion.key()).getSingleResult().getSingleEntry();
      values.put(criterion.key(), new BigDecimal(weight.toString()));
    }
    Weights weights = new Weights(ScorecardWeights.DECISION, "id", 1, values);
    assertThat(weights.sum()).isEqualByComparingTo("100");
    ScorecardWeights.check(weights); // does not throw
  }

  @Test
  void anUnknownCriterionHasNoWeight() {
    assertThat(evaluate("charisma")).isEmpty();
  }

  @Test
  void weightsNotAddingUpToAHundredAreRefused() {
    Map<String, BigDecimal> values = new LinkedHashMap<>();
    for (ScoreCriterion criterion : ScoreCriterion.values()) {
      values.put(criterion.key(), BigDecimal.valueOf(16));
    }
    assertThatThrownBy(() -> ScorecardWeights.check(new Weights(ScorecardWeights.DECISION, "id", 4, values)))
        .isInstanceOf(WeightsRefused.class)
        .hasMessage("bidScorecardWeights version 4 cannot be used: the weights add up to 96, not 100. Correct the "
            + "table in Camunda Modeler and deploy it again");
  }
}
