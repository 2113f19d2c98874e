package com.kap.planning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.kap.support.Api;
import com.kap.support.KapTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The first step of the cycle as the programme director's clients drive it: Camunda's REST API (which Tasklist uses)
 * with the job executor running, and KAP's API to read the outcome.
 */
@KapTest
class CycleOverRestTest {

  @Autowired
  TestRestTemplate rest;
  Api api;

  @BeforeEach
  void client() {
    api = new Api(rest);
  }

  @Test
  void theProgrammeDirectorStartsACycleAndValidatesTheSegmentationWithAnOverride() throws Exception {
    ResponseEntity<JsonNode> started = api.postJson("diane",
        "/engine-rest/process-definition/key/annualPlanningCycle/submit-form",
        "{\"variables\":{\"year\":{\"value\":2040},\"planDeadline\":{\"value\":\"2039-12-15\"},\"closingDate\":{\"value\":\"2040-03-31\"}}}", JsonNode.class);
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(started.getBody().get("businessKey").asText()).isEqualTo("2040");

    JsonNode task = awaitTask("diane", started.getBody().get("id").asText());
    assertThat(task.get("taskDefinitionKey").asText()).isEqualTo("validateSegmentation");
    String submit = "/engine-rest/task/" + task.get("id").asText() + "/submit-form";

    ResponseEntity<JsonNode> withoutReason = api.postJson("diane", submit, overrides("ACC-024", "Strategic", ""),
        JsonNode.class);
    assertThat(withoutReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(withoutReason.getBody().get("message").asText()).contains("overrides[0].reason: is required");
    assertThat(api.postJson("alice", submit, overrides("ACC-024", "Strategic", "mine now"), String.class)
        .getStatusCode()).as("a KAM may not complete the director's task").isEqualTo(HttpStatus.FORBIDDEN);

    ResponseEntity<String> validated = api.postJson("diane", submit,
        overrides("ACC-024", "Strategic", "New global framework agreement"), String.class);
    assertThat(validated.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    JsonNode year = api.get("diane", "/api/accounts/ACC-024", JsonNode.class).getBody()
        .get("segmentsByYear").get("2040");
    assertThat(year.get("computedSegment").asText()).isEqualTo("Streamline");
    assertThat(year.get("segment").asText()).isEqualTo("Strategic");
    assertThat(year.get("override").get("reason").asText()).isEqualTo("New global framework agreement");
    assertThat(year.get("override").get("by").asText()).isEqualTo("diane");
    JsonNode kamView = api.get("alice", "/api/accounts/ACC-024", JsonNode.class).getBody();
    assertThat(kamView.get("segmentsByYear").get("2040").get("segment").asText()).isEqualTo("Strategic");
    String matrix = api.get("diane", "/api/portfolio/matrix.svg?year=2040", String.class).getBody();
    assertThat(matrix).contains("Cycle 2040", "ACC-024) - Strategic");

    ResponseEntity<JsonNode> again = api.postJson("diane",
        "/engine-rest/process-definition/key/annualPlanningCycle/submit-form",
        "{\"variables\":{\"year\":{\"value\":2040},\"planDeadline\":{\"value\":\"2039-12-15\"},\"closingDate\":{\"value\":\"2040-03-31\"}}}", JsonNode.class);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(again.getBody().get("message").asText()).contains("a planning cycle for 2040 has already been started");
  }

  private static String overrides(String accountId, String segment, String reason) {
    String list = "[{\"accountId\":\"" + accountId + "\",\"segment\":\"" + segment + "\",\"reason\":\"" + reason + "\"}]";
    return "{\"variables\":{\"overrides\":{\"type\":\"Json\",\"value\":" + quoted(list) + "}}}";
  }

  private static String quoted(String json) {
    return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** The segmentation runs asynchronously on the job executor; the task appears when it is done. */
  private JsonNode awaitTask(String user, String processInstanceId) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      JsonNode tasks = api.get(user, "/engine-rest/task?processInstanceId=" + processInstanceId, JsonNode.class)
          .getBody();
      if (tasks.size() > 0) {
        return tasks.get(0);
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no task for " + user + " in process " + processInstanceId + " within 30 s");
  }
}
