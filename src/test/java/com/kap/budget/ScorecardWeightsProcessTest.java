package com.kap.budget;

import static com.kap.budget.BudgetFixture.bid;
import static com.kap.budget.BudgetFixture.round;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.kap.budget.internal.BudgetIds;
import com.kap.support.Api;
import com.kap.support.ProcessTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * A process owner changes the bid scorecard weights in bpmn/bidScorecardWeights.dmn and redeploys it: a round
 * already open scores with the version it recorded when it opened, the next round with the new one, and a table not
 * adding up to 100 refuses the next round with a clear message.
 */
@ProcessTest
class ScorecardWeightsProcessTest extends BudgetProcessTestBase {

  private static final int YEAR = 2114;
  private static final String STRATEGIC_FIT = "<outputEntry id=\"strategicFitWeight\"><text>25</text></outputEntry>";
  private static final String FEASIBILITY = "<outputEntry id=\"feasibilityWeight\"><text>10</text></outputEntry>";

  @Autowired RepositoryService repositoryService;
  @Autowired TestRestTemplate rest;

  private final List<String> deployments = new ArrayList<>();

  @AfterEach
  void restoreTheTable() {
    deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
  }

  @Test
  void aRedeployedTableScoresTheNextRoundAndNotTheOpenOne() throws IOException {
    fixture.approvePlans(YEAR, "ACC-003");
    ProcessInstance open = fixture.startRound(round("EMEA " + YEAR, "EMEA", YEAR, 100_000));
    ProcessInstance lab = fixture.submitBid("alice", bid("ACC-003", "Co-innovation lab", "growth", 50_000));

    // strategic fit 25 → 35, feasibility 10 → 0: still 100 in all
    String table = Files.readString(Path.of("bpmn", "bidScorecardWeights.dmn"));
    assertThat(table).contains(STRATEGIC_FIT, FEASIBILITY);
    deploy(table.replace(STRATEGIC_FIT, STRATEGIC_FIT.replace("25", "35"))
        .replace(FEASIBILITY, FEASIBILITY.replace("10", "0")));

    fixture.closeCall(open);
    assertThat(runtimeService.getVariable(lab.getId(), "weightStrategicFit")).as("the scoring form's label")
        .isEqualTo("25");
    assertThat(runtimeService.getVariable(lab.getId(), "weightFeasibility")).isEqualTo("10");
    fixture.score(lab, "eric", 5, 0, 0, 0, 0, 5);
    fixture.score(lab, "fatima", 5, 0, 0, 0, 0, 5);
    assertThat(stored(lab).benefit()).as("(25×5 + 10×5) / 5 with the weights the round opened with")
        .isEqualByComparingTo("35");

    fixture.releaseOpenRounds(); // the EMEA round takes no more bids; the next round is global
    fixture.approvePlans(YEAR, "ACC-006");
    ProcessInstance next = fixture.startRound(round("Next " + YEAR, null, YEAR, 100_000));
    ProcessInstance pilot = fixture.submitBid("alice", bid("ACC-006", "Joint CRM", "innovation", 30_000));
    fixture.closeCall(next);
    assertThat(runtimeService.getVariable(pilot.getId(), "weightStrategicFit")).isEqualTo("35");
    assertThat(runtimeService.getVariable(pilot.getId(), "weightFeasibility")).isEqualTo("0");
    fixture.score(pilot, "eric", 5, 0, 0, 0, 0, 5);
    fixture.score(pilot, "fatima", 5, 0, 0, 0, 0, 5);
    assertThat(stored(pilot).benefit()).as("(35×5 + 0×5) / 5 with the new table").isEqualByComparingTo("35");
    assertThat(stored(pilot).roundNo()).isNotEqualTo(stored(lab).roundNo());

    List<JsonNode> history = new ArrayList<>();
    new Api(rest).get("fatima", "/api/rules/weights/history", JsonNode.class).getBody().forEach(history::add);
    JsonNode first = used(history, BudgetIds.round(stored(lab).roundNo()));
    JsonNode second = used(history, BudgetIds.round(stored(pilot).roundNo()));
    assertThat(second.get("decisionVersion").asInt()).isEqualTo(first.get("decisionVersion").asInt() + 1);
    assertThat(first.get("weights").get("strategicFit").decimalValue()).isEqualByComparingTo("25");
    assertThat(second.get("weights").get("strategicFit").decimalValue()).isEqualByComparingTo("35");
    assertThat(second.get("usedBy").asText()).isEqualTo("Budget round " + second.get("scope").asText() + " (Next "
        + YEAR + ")");
  }

  @Test
  void aTableNotAddingUpToAHundredRefusesTheNextRound() throws IOException {
    fixture.approvePlans(YEAR, "ACC-003");
    String table = Files.readString(Path.of("bpmn", "bidScorecardWeights.dmn"));
    deploy(table.replace(FEASIBILITY, FEASIBILITY.replace("10", "0")));
    int version = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("bidScorecardWeights")
        .latestVersion().singleResult().getVersion();

    assertThatThrownBy(() -> fixture.startRound(round("Refused " + YEAR, "EMEA", YEAR, 100_000)))
        .hasMessageContaining("name: no budget round can open: bidScorecardWeights version " + version
            + " cannot be used: the weights add up to 90, not 100. Correct the table in Camunda Modeler and deploy "
            + "it again");
    assertThat(jdbc.queryForObject("select count(*) from kap_budget_round where name = ?", Integer.class,
        "Refused " + YEAR)).isZero();
  }

  private static JsonNode used(List<JsonNode> history, String roundId) {
    return history.stream().filter(h -> h.get("scope").asText().equals(roundId)).findFirst().orElseThrow();
  }

  private void deploy(String table) {
    deployments.add(repositoryService.createDeployment().name("process owner's change")
        .addString("bidScorecardWeights.dmn", table).deploy().getId());
  }
}
