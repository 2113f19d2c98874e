package com.kap.planning;

import static org.assertj.core.api.Assertions.assertThat;

import com.kap.planning.internal.PlanQualityGate.CoverageRule;
import com.kap.planning.internal.StakeholderCoverage;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The stakeholder coverage table as process owners edit it in bpmn/: the roles each segment's map must hold. */
class StakeholderCoverageDmnTest {

  private static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private static DmnDecision decision;

  @BeforeAll
  static void parse() throws IOException {
    try (InputStream dmn = new FileInputStream("bpmn/stakeholderCoverage.dmn")) {
      decision = ENGINE.parseDecision("stakeholderCoverage", dmn);
    }
  }

  @Test
  void aStrategicMapNeedsADecisionMakerAndAChampionEachWithAnOwner() {
    assertThat(rulesOf("Strategic")).containsExactly(new CoverageRule("decisionMaker", true),
        new CoverageRule("champion", true));
  }

  @Test
  void aStarMapNeedsADecisionMakerWithAnOwner() {
    assertThat(rulesOf("Star")).containsExactly(new CoverageRule("decisionMaker", true));
  }

  @Test
  void statusAndStreamlineNeedNoRole() {
    assertThat(rulesOf("Status")).isEmpty();
    assertThat(rulesOf("Streamline")).isEmpty();
  }

  @Test
  void everyRoleTheTableNamesIsOneThePlanFormOffers() {
    for (String segment : List.of("Strategic", "Star", "Status", "Streamline")) {
      assertThat(rulesOf(segment)).extracting(CoverageRule::role).allMatch(PlanContent.BUYING_ROLES::contains);
    }
  }

  private static List<CoverageRule> rulesOf(String segment) {
    List<Map<String, Object>> rows = ENGINE.evaluateDecisionTable(decision,
        Variables.createVariables().putValue("segment", segment)).getResultList();
    return StakeholderCoverage.fromResult(rows);
  }
}
