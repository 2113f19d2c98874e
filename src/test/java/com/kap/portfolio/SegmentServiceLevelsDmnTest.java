package com.kap.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The table as process owners edit it in bpmn/, evaluated by Camunda's DMN engine. */
class SegmentServiceLevelsDmnTest {

  private static DmnDecision decision;
  private static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  @BeforeAll
  static void parse() throws IOException {
    try (InputStream dmn = new FileInputStream("bpmn/segmentServiceLevels.dmn")) {
      decision = ENGINE.parseDecision("segmentServiceLevels", dmn);
    }
  }

  @ParameterizedTest
  @CsvSource({
      "Strategic, full, true, 0.55",
      "Star, full, false, 0.30",
      "Status, light, false, 0.12",
      "Streamline, onePage, false, 0.03"})
  void serviceLevelOfEachSegment(String segment, String planDepth, boolean sponsorRequired, double budgetShare) {
    DmnDecisionTableResult result = ENGINE.evaluateDecisionTable(decision,
        Variables.createVariables().putValue("segment", segment));

    assertThat(result.getSingleResult().getEntryMap())
        .containsEntry("planDepth", planDepth)
        .containsEntry("sponsorRequired", sponsorRequired)
        .containsEntry("budgetShare", budgetShare);
  }

  @Test
  void sharesOfTheDiscretionaryBudgetAddUpToOne() {
    double total = 0;
    for (Segment segment : Segment.values()) {
      total += (Double) ENGINE.evaluateDecisionTable(decision,
          Variables.createVariables().putValue("segment", segment.label())).getSingleResult().getEntry("budgetShare");
    }
    assertThat(total).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void unknownSegmentMatchesNoRule() {
    assertThat(ENGINE.evaluateDecisionTable(decision, Variables.createVariables().putValue("segment", "Gold")))
        .isEmpty();
  }
}
