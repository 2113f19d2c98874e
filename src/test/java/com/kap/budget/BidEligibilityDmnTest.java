package com.kap.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
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

/** The eligibility table as process owners edit it in bpmn/, evaluated by Camunda's DMN engine. */
class BidEligibilityDmnTest {

  private static final String PLAN_NOT_APPROVED = "the account plan for the year is not approved";
  private static final String FINANCIALS_INCOMPLETE =
      "the financials are incomplete (cost, expected margin and probability of success are required)";
  private static final String STREAMLINE = "Streamline accounts may bid for cost-to-serve only";
  private static final String STATUS = "Status accounts may not bid for growth or innovation";

  private static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private static DmnDecision decision;

  @BeforeAll
  static void parse() throws IOException {
    try (InputStream dmn = new FileInputStream("bpmn/bidEligibility.dmn")) {
      decision = ENGINE.parseDecision("bidEligibility", dmn);
    }
  }

  private static Map<String, Object> evaluate(Boolean planApproved, Boolean financialsComplete, String segment,
      String category) {
    DmnDecisionTableResult result = ENGINE.evaluateDecisionTable(decision, Variables.createVariables()
        .putValue("planApproved", planApproved)
        .putValue("financialsComplete", financialsComplete)
        .putValue("segment", segment)
        .putValue("category", category));
    return result.getSingleResult().getEntryMap();
  }

  @ParameterizedTest(name = "{0} {1} → eligible {2}")
  @CsvSource(delimiter = '|', value = {
      "Strategic  | growth        | true  | eligible",
      "Strategic  | retention     | true  | eligible",
      "Strategic  | efficiency    | true  | eligible",
      "Strategic  | cost-to-serve | true  | eligible",
      "Strategic  | innovation    | true  | eligible",
      "Star       | growth        | true  | eligible",
      "Star       | retention     | true  | eligible",
      "Star       | efficiency    | true  | eligible",
      "Star       | cost-to-serve | true  | eligible",
      "Star       | innovation    | true  | eligible",
      "Status     | growth        | false | " + STATUS,
      "Status     | retention     | true  | eligible",
      "Status     | efficiency    | true  | eligible",
      "Status     | cost-to-serve | true  | eligible",
      "Status     | innovation    | false | " + STATUS,
      "Streamline | growth        | false | " + STREAMLINE,
      "Streamline | retention     | false | " + STREAMLINE,
      "Streamline | efficiency    | false | " + STREAMLINE,
      "Streamline | cost-to-serve | true  | eligible",
      "Streamline | innovation    | false | " + STREAMLINE})
  void eligibilityOfEachSegmentAndCategoryWithAnApprovedPlanAndCompleteFinancials(String segment, String category,
      boolean eligible, String reason) {
    assertThat(evaluate(true, true, segment, category))
        .containsEntry("eligible", eligible)
        .containsEntry("reason", reason);
  }

  @ParameterizedTest(name = "{0} {1}: plan not approved")
  @CsvSource({"Strategic, growth", "Star, innovation", "Status, retention", "Streamline, cost-to-serve"})
  void aBidOfAnAccountWithoutAnApprovedPlanIsNotEligible(String segment, String category) {
    assertThat(evaluate(false, true, segment, category))
        .containsEntry("eligible", false)
        .containsEntry("reason", PLAN_NOT_APPROVED);
  }

  @ParameterizedTest(name = "{0} {1}: financials incomplete")
  @CsvSource({"Strategic, growth", "Star, innovation", "Status, retention", "Streamline, cost-to-serve"})
  void aBidWithIncompleteFinancialsIsNotEligible(String segment, String category) {
    assertThat(evaluate(true, false, segment, category))
        .containsEntry("eligible", false)
        .containsEntry("reason", FINANCIALS_INCOMPLETE);
  }

  @ParameterizedTest(name = "plan approved {0}, financials complete {1}, {2} {3} → {4}")
  @CsvSource(delimiter = '|', value = {
      "false | true  | Streamline | growth        | " + PLAN_NOT_APPROVED,
      "false | false | Streamline | growth        | " + PLAN_NOT_APPROVED,
      "false | false | Strategic  | growth        | " + PLAN_NOT_APPROVED,
      "true  | false | Streamline | growth        | " + FINANCIALS_INCOMPLETE,
      "true  | false | Status     | innovation    | " + FINANCIALS_INCOMPLETE})
  void theFirstReasonWins(boolean planApproved, boolean financialsComplete, String segment, String category,
      String reason) {
    assertThat(evaluate(planApproved, financialsComplete, segment, category))
        .containsEntry("eligible", false)
        .containsEntry("reason", reason);
  }

  @Test
  void unknownPlanApprovalOrFinancialsCountAsNotGiven() {
    assertThat(evaluate(null, true, "Strategic", "growth")).containsEntry("reason", PLAN_NOT_APPROVED);
    assertThat(evaluate(true, null, "Strategic", "growth")).containsEntry("reason", FINANCIALS_INCOMPLETE);
  }
}
