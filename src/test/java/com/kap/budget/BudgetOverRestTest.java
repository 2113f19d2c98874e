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
 * A budget round driven over HTTP as its users drive it (Camunda's REST API, which Tasklist calls, and KAP's), with
 * the job executor running: who may see which bid and scorecard when, and the audit trail.
 */
@KapTest
class BudgetOverRestTest {

  private static final int YEAR = 2075;

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
  void aRoundOverRest() throws Exception {
    ResponseEntity<JsonNode> round = api.postJson("diane",
        "/engine-rest/process-definition/key/budgetRound/submit-form", roundForm(), JsonNode.class);
    assertThat(round.getStatusCode()).isEqualTo(HttpStatus.OK);
    String roundId = round.getBody().get("businessKey").asText();
    assertThat(api.postJson("alice", "/engine-rest/process-definition/key/budgetRound/submit-form", roundForm(),
        String.class).getStatusCode()).as("only the programme director opens rounds").isEqualTo(HttpStatus.FORBIDDEN);

    ResponseEntity<JsonNode> refused = api.postJson("alice",
        "/engine-rest/process-definition/key/investmentBid/submit-form", bidForm(0), JsonNode.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("message").asText()).startsWith("Cost: must be from 1");
    ResponseEntity<JsonNode> submitted = api.postJson("alice",
        "/engine-rest/process-definition/key/investmentBid/submit-form", bidForm(20_000), JsonNode.class);
    assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.OK);
    String bidId = submitted.getBody().get("businessKey").asText();

    assertThat(api.get("alice", "/api/budget/bids/" + bidId, JsonNode.class).getBody().get("status").asText())
        .isEqualTo("SUBMITTED");
    assertThat(api.get("bruno", "/api/budget/bids/" + bidId, String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<JsonNode> tooEarly = api.get("eric", "/api/budget/bids/" + bidId, JsonNode.class);
    assertThat(tooEarly.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(tooEarly.getBody().get("detail").asText()).contains("once the call has closed");

    // the call closes (the admin fires the deadline timer early)
    JsonNode timer = api.get("admin", "/engine-rest/job?maxResults=10&timers=true&processInstanceId="
        + round.getBody().get("id").asText(), JsonNode.class).getBody().get(0);
    assertThat(api.postJson("admin", "/engine-rest/job/" + timer.get("id").asText() + "/execute", "",
        String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    score("eric", bidId, 4);
    JsonNode seenByEric = api.get("eric", "/api/budget/bids/" + bidId, JsonNode.class).getBody();
    assertThat(seenByEric.get("scorecards")).hasSize(1);
    assertThat(seenByEric.get("scorecards").get(0).get("member").asText()).isEqualTo("eric");
    assertThat(api.get("fatima", "/api/budget/bids/" + bidId, JsonNode.class).getBody().get("scorecards"))
        .as("blind: fatima sees no score before she has scored").isEmpty();
    assertThat(api.get("fatima", "/api/budget/rounds/" + roundId + "/audit", JsonNode.class).getBody()
        .findValuesAsText("action")).as("blind in the audit trail too").doesNotContain("SCORE");
    assertThat(api.get("eric", "/api/budget/rounds/" + roundId + "/audit", JsonNode.class).getBody()
        .findValuesAsText("action")).contains("SCORE");
    score("fatima", bidId, 4);
    awaitStatus("eric", bidId, "SCORED");
    assertThat(api.get("eric", "/api/budget/bids/" + bidId, JsonNode.class).getBody().get("scorecards")).hasSize(2);
    assertThat(api.get("alice", "/api/budget/bids/" + bidId, JsonNode.class).getBody().has("scorecards"))
        .as("the KAM sees scorecards only after publication").isFalse();

    JsonNode decide = api.awaitTask("fatima", "taskDefinitionKey=decideAllocation&processInstanceBusinessKey="
        + roundId);
    ResponseEntity<String> decided = api.postJson("fatima", "/engine-rest/task/" + decide.get("id").asText()
        + "/submit-form", "{\"variables\":{\"decision\":{\"value\":\"accept\"}}}", String.class);
    assertThat(decided.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    awaitStatus("alice", bidId, "FUNDED");
    JsonNode published = api.get("alice", "/api/budget/bids/" + bidId, JsonNode.class).getBody();
    assertThat(published.get("scorecards")).hasSize(2);
    assertThat(published.get("benefit").decimalValue()).isEqualByComparingTo("80");

    ResponseEntity<JsonNode> trail = api.get("eric", "/api/budget/rounds/" + roundId + "/audit", JsonNode.class);
    assertThat(trail.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(trail.getBody().findValuesAsText("action")).contains("ROUND_OPENED", "BID_SUBMITTED", "ELIGIBILITY",
        "SCORE", "BENEFIT", "RECOMMENDATION", "DECISION", "PUBLISHED");
    assertThat(trail.getBody().get(0).get("actor").asText()).isEqualTo("diane");
    assertThat(api.get("diane", "/api/budget/rounds/" + roundId + "/audit", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(api.get("alice", "/api/budget/rounds/" + roundId + "/audit", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(api.get(null, "/api/budget/rounds/" + roundId + "/audit", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    JsonNode detail = api.get("fatima", "/api/budget/rounds/" + roundId, JsonNode.class).getBody();
    assertThat(detail.get("round").get("status").asText()).isEqualTo("PUBLISHED");
    assertThat(detail.get("recommendation").get("result").get("optimal").asBoolean()).isTrue();
    assertThat(api.get("nobody", "/api/budget/rounds/R-999999", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(api.get("fatima", "/api/budget/rounds/R-999999", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  private void score(String member, String bidId, int score) throws InterruptedException {
    JsonNode task = api.awaitTask(member, "taskDefinitionKey=scoreBid&assignee=" + member
        + "&processInstanceBusinessKey=" + bidId);
    ResponseEntity<String> done = api.postJson(member, "/engine-rest/task/" + task.get("id").asText()
        + "/submit-form", BudgetForms.scores(score), String.class);
    assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  private void awaitStatus(String user, String bidId, String status) {
    await(bidId + " to reach " + status).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
        .until(() -> status.equals(api.get(user, "/api/budget/bids/" + bidId, JsonNode.class).getBody().get("status")
            .asText()));
  }

  private static String roundForm() {
    return BudgetForms.round("EMEA " + YEAR, "EMEA", YEAR);
  }

  private static String bidForm(long cost) {
    return BudgetForms.bid("ACC-003", cost);
  }
}
