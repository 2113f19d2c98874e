package com.kap.platform.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kap.support.DiagramTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * KAP's lookup tables answer the same question from the same version of a table once: a process owner's new version
 * answers from its first use, and a table that reads the clock is asked every time.
 */
class DecisionTablesTest extends DiagramTest {

  private final List<String> deployments = new ArrayList<>();
  private DecisionTables tables;
  private String coverage;

  @BeforeEach
  void deployTheCoverageTable() throws IOException {
    coverage = Files.readString(Path.of("bpmn/stakeholderCoverage.dmn"));
    deploy("stakeholderCoverage.dmn", coverage);
    tables = new DecisionTables(processEngine().getDecisionService(),
        (ProcessEngineConfigurationImpl) processEngine().getProcessEngineConfiguration());
  }

  @AfterEach
  void undeploy() {
    deployments.forEach(id -> processEngine().getRepositoryService().deleteDeployment(id, true));
  }

  private void deploy(String name, String dmn) {
    deployments.add(processEngine().getRepositoryService().createDeployment()
        .addString(name, dmn).deploy().getId());
  }

  private long evaluations(String decisionKey) {
    return processEngine().getHistoryService().createHistoricDecisionInstanceQuery()
        .decisionDefinitionKey(decisionKey).count();
  }

  @Test
  void theSameQuestionToTheSameVersionIsEvaluatedOnce() {
    List<Map<String, Object>> first = tables.rows("stakeholderCoverage", Map.of("segment", "Strategic"));
    List<Map<String, Object>> again = tables.rows("stakeholderCoverage", Map.of("segment", "Strategic"));

    assertThat(again).isSameAs(first);
    assertThat(first).extracting(row -> row.get("requiredRole")).containsExactly("decisionMaker", "champion");
    assertThat(evaluations("stakeholderCoverage")).isEqualTo(1);

    tables.rows("stakeholderCoverage", Map.of("segment", "Star"));
    assertThat(evaluations("stakeholderCoverage")).as("another question").isEqualTo(2);
    assertThatThrownBy(() -> first.get(0).put("requiredRole", "user")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aNewVersionAnswersFromItsFirstUse() {
    tables.rows("stakeholderCoverage", Map.of("segment", "Strategic"));
    deploy("stakeholderCoverage.dmn", coverage.replace("<outputEntry id=\"strategicChampionRole\"><text>\"champion\"",
        "<outputEntry id=\"strategicChampionRole\"><text>\"influencer\""));

    assertThat(tables.rows("stakeholderCoverage", Map.of("segment", "Strategic")))
        .extracting(row -> row.get("requiredRole")).containsExactly("decisionMaker", "influencer");
  }

  @Test
  void aTableThatReadsTheClockIsAskedEveryTime() {
    deploy("dayOfTheQuestion.dmn", """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
                     xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="day" name="Day"
                     namespace="https://kap.example/dmn">
          <decision id="dayOfTheQuestion" name="Day of the question" camunda:historyTimeToLive="1">
            <decisionTable id="dayTable" hitPolicy="FIRST">
              <input id="segmentInput" label="Segment">
                <inputExpression id="segmentExpression" typeRef="string"><text>segment</text></inputExpression>
              </input>
              <output id="dayOutput" name="day" typeRef="string" />
              <rule id="anySegment">
                <inputEntry id="anySegmentEntry"><text>-</text></inputEntry>
                <outputEntry id="anySegmentDay"><text>string(today())</text></outputEntry>
              </rule>
            </decisionTable>
          </decision>
        </definitions>
        """.strip());

    tables.rows("dayOfTheQuestion", Map.of("segment", "Star"));
    tables.rows("dayOfTheQuestion", Map.of("segment", "Star"));

    assertThat(evaluations("dayOfTheQuestion")).isEqualTo(2);
  }
}
