package com.kap.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The results report's delay by category, as process owners edit it in bpmn/, on Camunda's DMN engine. */
class BidResultDelayDmnTest {

  private static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private static DmnDecision decision;

  @BeforeAll
  static void parse() throws IOException {
    try (InputStream dmn = new FileInputStream("bpmn/bidResultDelay.dmn")) {
      decision = ENGINE.parseDecision("bidResultDelay", dmn);
    }
  }

  @ParameterizedTest(name = "{0} → {1} months")
  @CsvSource(delimiter = '|', value = {
      "growth        | 12",
      "retention     | 6",
      "efficiency    | 6",
      "cost-to-serve | 6",
      "innovation    | 18",
      "partnership   | 12",
      "''            | 12"})
  void monthsAfterFundingByCategory(String category, int months) {
    Object answer = ENGINE.evaluateDecisionTable(decision, Variables.createVariables().putValue("category", category))
        .getSingleEntry();
    assertThat(answer).isEqualTo(months);
  }
}
