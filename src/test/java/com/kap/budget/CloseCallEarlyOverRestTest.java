package com.kap.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.kap.planning.AccountPlan;
import com.kap.planning.internal.AccountPlanRepository;
import com.kap.support.Api;
import com.kap.support.KapTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * "Close the call early" as Tasklist submits it: only the round's chair may, not another director, the programme
 * director, a KAM or the administrator; the reason is required; who closed the call and why is in the audit trail.
 */
@KapTest
class CloseCallEarlyOverRestTest {

  private static final int YEAR = 2053;

  @Autowired TestRestTemplate rest;
  @Autowired AccountPlanRepository plans;
  @Autowired JdbcTemplate jdbc;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(rest);
    jdbc.update("delete from kap_open_round");
    if (plans.find(YEAR, "ACC-003").isEmpty()) {
      plans.insert(new AccountPlan(YEAR, "ACC-003", "test", "alice", "Strategic", AccountPlan.Status.APPROVED,
          Instant.now(), Instant.now(), 1));
    }
  }

  @AfterEach
  void release() {
    jdbc.update("delete from kap_open_round");
  }

  @Test
  void onlyTheChairClosesTheCallEarlyAndTheReasonIsAudited() throws Exception {
    ResponseEntity<JsonNode> round = api.postJson("diane",
        "/engine-rest/process-definition/key/budgetRound/submit-form",
        BudgetForms.round("Early " + YEAR, null, YEAR), JsonNode.class);
    assertThat(round.getStatusCode()).isEqualTo(HttpStatus.OK);
    String roundId = round.getBody().get("businessKey").asText();
    String bidId = api.postJson("alice", "/engine-rest/process-definition/key/investmentBid/submit-form",
        BudgetForms.bid("ACC-003", 20_000), JsonNode.class).getBody().get("businessKey").asText();

    JsonNode task = api.awaitTask("fatima", "taskDefinitionKey=closeCallEarly&processInstanceBusinessKey=" + roundId);
    assertThat(task.get("assignee").asText()).isEqualTo("fatima");
    String submit = "/engine-rest/task/" + task.get("id").asText() + "/submit-form";
    String withReason = "{\"variables\":{\"closeReason\":{\"value\":\"All KAMs have bid\"}}}";

    for (String other : new String[] {"eric", "ines", "diane", "alice"}) {
      assertThat(api.postJson(other, submit, withReason, String.class).getStatusCode()).as(other)
          .isEqualTo(HttpStatus.FORBIDDEN);
    }
    ResponseEntity<JsonNode> admin = api.postJson("admin", submit, withReason, JsonNode.class);
    assertThat(admin.getStatusCode()).as("the administrator may do anything in the engine, but this is the chair's")
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(admin.getBody().get("message").asText()).contains("only the chair of round " + roundId);

    ResponseEntity<JsonNode> noReason = api.postJson("fatima", submit,
        "{\"variables\":{\"closeReason\":{\"value\":\"\"}}}", JsonNode.class);
    assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noReason.getBody().get("message").asText()).isEqualTo("Why you close the call early: is required");
    assertThat(status(roundId)).isEqualTo("OPEN");

    ResponseEntity<String> closed = api.postJson("fatima", submit, withReason, String.class);
    assertThat(closed.getStatusCode()).as(closed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    await(roundId + " to leave OPEN").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
        .until(() -> !status(roundId).equals("OPEN"));
    assertThat(status(roundId)).as("the call closed as at the deadline").isEqualTo("SCORING");
    assertThat(api.awaitTask("eric", "taskDefinitionKey=scoreBid&processInstanceBusinessKey=" + bidId)).isNotNull();

    JsonNode trail = api.get("eric", "/api/budget/rounds/" + roundId + "/audit", JsonNode.class).getBody();
    JsonNode early = null;
    for (JsonNode entry : trail) {
      if (entry.get("action").asText().equals("CALL_CLOSED_EARLY")) {
        assertThat(early).as("one early close").isNull();
        early = entry;
      }
    }
    assertThat(early).isNotNull();
    assertThat(early.get("actor").asText()).isEqualTo("fatima");
    assertThat(early.get("reason").asText()).isEqualTo("All KAMs have bid");
  }

  private String status(String roundId) {
    return api.get("diane", "/api/budget/rounds/" + roundId, JsonNode.class).getBody().get("round").get("status")
        .asText();
  }
}
