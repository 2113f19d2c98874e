package com.kap.processowner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.kap.planning.internal.CycleRepository;
import com.kap.portfolio.Account;
import com.kap.portfolio.CycleSegment;
import com.kap.portfolio.Portfolio;
import com.kap.portfolio.Segment;
import com.kap.portfolio.SegmentScorer;
import com.kap.portfolio.SegmentationWeights;
import com.kap.support.Api;
import com.kap.support.ProcessTest;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * A process owner changes the segmentation weights in bpmn/segmentationWeights.dmn and redeploys it: a cycle
 * already started keeps segmenting with the version it recorded when it started, the next cycle uses the new one,
 * a table with a negative weight refuses the next start, and the history shows which cycle used what.
 */
@ProcessTest
class WeightsInDmnTest {

  private static final String SPEND = "<outputEntry id=\"spendWeight\"><text>25</text></outputEntry>";

  @Autowired RepositoryService repositoryService;
  @Autowired FormService formService;
  @Autowired IdentityService identityService;
  @Autowired CycleRepository cycles;
  @Autowired Portfolio portfolio;
  @Autowired SegmentationWeights weights;
  @Autowired TestRestTemplate rest;

  private final List<String> deployments = new ArrayList<>();

  @AfterEach
  void restoreTheTable() {
    identityService.clearAuthentication();
    deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
  }

  @Test
  void aRedeployedTableSegmentsTheNextCycleAndNotTheRunningOne() throws IOException {
    ProcessInstance running = start(2111);
    assertThat(running).isWaitingAt("segmentPortfolio");
    int versionAtStart = latestVersion();
    SegmentScorer before = weights.current();

    redeploy(SPEND, SPEND.replace("<text>25</text>", "<text>400</text>"));
    SegmentScorer after = weights.current();
    assertThat(latestVersion()).isEqualTo(versionAtStart + 1);
    Map<String, Segment> byOldWeights = segments(before);
    Map<String, Segment> byNewWeights = segments(after);
    assertThat(byNewWeights).as("spend weighing 400 moves some account").isNotEqualTo(byOldWeights);

    execute(job(running)); // the running cycle segments after the change
    ProcessInstance next = start(2112);
    execute(job(next));

    assertThat(computed(2111)).as("the running cycle keeps the weights it started with").isEqualTo(byOldWeights);
    assertThat(computed(2112)).as("the next cycle uses the new table").isEqualTo(byNewWeights);

    Api api = new Api(rest);
    List<JsonNode> history = new ArrayList<>();
    api.get("diane", "/api/rules/weights/history", JsonNode.class).getBody().forEach(history::add);
    JsonNode cycle2111 = used(history, "Cycle 2111");
    assertThat(cycle2111.get("decisionKey").asText()).isEqualTo("segmentationWeights");
    assertThat(cycle2111.get("decisionVersion").asInt()).isEqualTo(versionAtStart);
    assertThat(cycle2111.get("weights").get("spend").decimalValue()).isEqualByComparingTo("25");
    assertThat(cycle2111.get("weights").size()).isEqualTo(12);
    JsonNode cycle2112 = used(history, "Cycle 2112");
    assertThat(cycle2112.get("decisionVersion").asInt()).isEqualTo(versionAtStart + 1);
    assertThat(cycle2112.get("weights").get("spend").decimalValue()).isEqualByComparingTo("400");
    assertThat(cycle2112.get("weights").get("solutionFit").decimalValue()).isEqualByComparingTo("25");
    assertThat(api.get("eric", "/api/rules/weights/history", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(api.get("alice", "/api/rules/weights/history", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(api.get(null, "/api/rules/weights/history", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void aTableWithANegativeWeightRefusesTheNextStartWithAClearMessage() throws IOException {
    SegmentScorer good = weights.recordForCycle(2116); // as the cycle of 2116 started before the change
    String growth = "<outputEntry id=\"growthWeight\"><text>15</text></outputEntry>";
    redeploy(growth, growth.replace("<text>15</text>", "<text>-5</text>"));

    assertThatThrownBy(() -> start(2113)).hasMessageContaining("year: no cycle can start: segmentationWeights version "
        + latestVersion() + " cannot be used: the weight of growth is -5; weights must be 0 or more. Correct the table "
        + "in Camunda Modeler and deploy it again");
    assertThat(cycles.find(2113)).isEmpty();
    assertThat(new Api(rest).get("diane", "/api/rules/weights/history", String.class).getBody())
        .doesNotContain("Cycle 2113");
    // meanwhile the current scores use the weights the latest cycle recorded
    assertThat(new Api(rest).get("diane", "/api/accounts", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(segments(weights.current())).isEqualTo(segments(good));
  }

  private Map<String, Segment> segments(SegmentScorer scorer) {
    return portfolio.accounts().stream()
        .collect(Collectors.toMap(Account::accountId, a -> scorer.score(a.scores()).segment()));
  }

  private Map<String, Segment> computed(int year) {
    return portfolio.segments(year).stream()
        .collect(Collectors.toMap(CycleSegment::accountId, CycleSegment::computedSegment));
  }

  private static JsonNode used(List<JsonNode> history, String usedBy) {
    return history.stream().filter(h -> h.get("usedBy").asText().equals(usedBy)).findFirst().orElseThrow();
  }

  private int latestVersion() {
    DecisionDefinition latest = repositoryService.createDecisionDefinitionQuery()
        .decisionDefinitionKey(SegmentationWeights.DECISION).latestVersion().singleResult();
    return latest.getVersion();
  }

  private ProcessInstance start(int year) {
    String definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey("annualPlanningCycle")
        .latestVersion().singleResult().getId();
    identityService.setAuthentication("diane", List.of("programme-director"));
    try {
      return formService.submitStartForm(definitionId, new HashMap<>(Map.of("year", year, "planDeadline",
          (year - 1) + "-12-15", "closingDate", year + "-03-31")));
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** Deploys the table from bpmn/ with one cell changed, as a process owner deploys from Camunda Modeler. */
  private void redeploy(String cell, String changedCell) throws IOException {
    String table = Files.readString(Path.of("bpmn", "segmentationWeights.dmn"));
    assertThat(table).contains(cell);
    deployments.add(repositoryService.createDeployment().name("process owner's change")
        .addString("segmentationWeights.dmn", table.replace(cell, changedCell)).deploy().getId());
  }
}
