package com.kap.planning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.kap.support.Api;
import com.kap.support.CycleForms;
import com.kap.support.KapTest;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * recordTraining through Camunda's REST API, as Tasklist and any other client call it: a refused start answers 400
 * on both start endpoints with every problem named by the form's labels; only the training coordinator and the
 * programme director may start it; the recorder is who called, whatever the body says; the year's sessions are at
 * {@code GET /api/programme/{year}/training} for those who may read them.
 */
@KapTest
class RecordTrainingOverRestTest {

  private static final int YEAR = 2153;
  private static final String START = "/engine-rest/process-definition/key/recordTraining/";

  @Autowired TestRestTemplate rest;
  @Autowired HistoryService historyService;

  private Api api;

  @BeforeEach
  void cycle() {
    api = new Api(rest);
    TrainingYears.cycle(api, YEAR);
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  @Test
  void aRefusedStartAnswers400NamingEveryProblemByItsLabel() {
    String wrong = CycleForms.variables("\"year\":{\"value\":2155},\"title\":{\"value\":\"Value selling\"},"
        + "\"audience\":{\"value\":\"kam\"},\"deliveredOn\":{\"value\":\"2199-01-01\"},\"hours\":{\"value\":0},"
        + "\"participants\":{\"value\":\"alice, nobody\"},\"accountIds\":{\"value\":\"ACC-999\"}");
    long instances = historyService.createHistoricProcessInstanceQuery().processDefinitionKey("recordTraining")
        .count();
    for (String endpoint : new String[] {"submit-form", "start"}) {
      ResponseEntity<JsonNode> refused = api.postJson("hana", START + endpoint, wrong, JsonNode.class);
      assertThat(refused.getStatusCode().value()).as(endpoint).isEqualTo(400);
      assertThat(refused.getBody().get("message").asText()).as(endpoint).isEqualTo("5 problems to correct: "
          + "1) Cycle year: no planning cycle for 2155: training is recorded for a cycle's year; "
          + "2) Delivered on: must not be in the future, was 01/01/2199; "
          + "3) Duration in hours: must be more than 0 and at most 100, was 0; "
          + "4) Participants: not KAP users: nobody (give their logins, e.g. alice); "
          + "5) Accounts it serves: unknown accounts: ACC-999");
      assertThat(refused.getBody().toString()).doesNotContain("recordTraining:", "Exception:");
    }
    ResponseEntity<JsonNode> empty = api.postJson("hana", START + "submit-form", "{\"variables\":{}}",
        JsonNode.class);
    assertThat(empty.getStatusCode().value()).isEqualTo(400);
    assertThat(empty.getBody().get("message").asText()).startsWith("6 problems to correct: ")
        .contains("Cycle year: is required", "Training: is required", "Audience: is required",
            "Delivered on: is required", "Duration in hours: is required",
            "Participants: name at least one KAP user who attended");
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("recordTraining").count())
        .as("refused starts started nothing").isEqualTo(instances);
  }

  @Test
  void onlyTheTrainingCoordinatorAndTheProgrammeDirectorMayStartIt() {
    for (String user : new String[] {"alice", "eric", "gilles", "paula"}) {
      ResponseEntity<String> refused = api.postJson(user, START + "submit-form", good("By " + user), String.class);
      assertThat(refused.getStatusCode().value()).as(user).isEqualTo(403);
      assertThat(startable(user)).as(user + " sees it in Start process").isFalse();
    }
    assertThat(startable("hana")).isTrue();
    assertThat(startable("diane")).isTrue();
    assertThat(api.get(null, "/api/programme/" + YEAR + "/training", String.class).getStatusCode().value())
        .isEqualTo(401);
  }

  @Test
  void theRecorderIsWhoStartedItAndTheApiListsTheYearsSessions() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse(YEAR + "-11-30T10:00:00Z")));
    String claimingAnother = good("Key account basics").replace("\"hours\"",
        "\"recordedBy\":{\"value\":\"mallory\"},\"hours\"");
    assertThat(claimingAnother).contains("mallory");
    ResponseEntity<JsonNode> claimed = api.postJson("hana", START + "submit-form", claimingAnother, JsonNode.class);
    assertThat(claimed.getStatusCode().value()).as("a variable the form does not declare")
        .isEqualTo(403);

    ResponseEntity<JsonNode> started = api.postJson("hana", START + "start", good("Key account basics"),
        JsonNode.class);
    assertThat(started.getStatusCode().value()).as(String.valueOf(started.getBody())).isEqualTo(200);
    assertThat(started.getBody().get("businessKey").asText()).startsWith("training-");
    assertThat(started.getBody().get("ended").asBoolean()).isTrue();

    for (String reader : new String[] {"hana", "diane", "eric", "admin"}) {
      ResponseEntity<JsonNode> sessions = api.get(reader, "/api/programme/" + YEAR + "/training", JsonNode.class);
      assertThat(sessions.getStatusCode().value()).as(reader).isEqualTo(200);
      JsonNode session = sessions.getBody().get(sessions.getBody().size() - 1);
      assertThat(session.get("title").asText()).isEqualTo("Key account basics");
      assertThat(session.get("year").asInt()).isEqualTo(YEAR);
      assertThat(session.get("audience").asText()).isEqualTo("team");
      assertThat(session.get("deliveredOn").asText()).isEqualTo(YEAR + "-11-27");
      assertThat(session.get("hours").decimalValue()).isEqualByComparingTo("2.5");
      assertThat(session.get("participants").toString()).isEqualTo("[\"alice\",\"chen\"]");
      assertThat(session.get("accountIds").toString()).isEqualTo("[\"ACC-024\"]");
      assertThat(session.get("recordedBy").asText()).isEqualTo("hana");
      assertThat(started.getBody().get("businessKey").asText())
          .isEqualTo("training-" + session.get("sessionNo").asLong());
    }
    for (String stranger : new String[] {"alice", "gilles", "paula"}) {
      assertThat(api.get(stranger, "/api/programme/" + YEAR + "/training", String.class).getStatusCode().value())
          .as(stranger).isEqualTo(403);
    }
  }

  private static String good(String title) {
    return CycleForms.variables("\"year\":{\"value\":" + YEAR + "},\"title\":{\"value\":\"" + title + "\"},"
        + "\"audience\":{\"value\":\"team\"},\"deliveredOn\":{\"value\":\"" + YEAR + "-11-27\"},"
        + "\"hours\":{\"value\":2.5},\"participants\":{\"value\":\"chen, alice\"},"
        + "\"accountIds\":{\"value\":\"ACC-024\"}");
  }

  private boolean startable(String user) {
    ResponseEntity<JsonNode> answer = api.get(user, "/engine-rest/process-definition?maxResults=10"
        + "&latestVersion=true&startablePermissionCheck=true&key=recordTraining", JsonNode.class);
    assertThat(answer.getStatusCode().value()).as(user + ": " + answer.getBody()).isEqualTo(200);
    return answer.getBody().size() > 0;
  }
}
