package com.kap.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.kap.budget.BudgetForms;
import com.kap.planning.AccountPlan;
import com.kap.planning.internal.AccountPlanRepository;
import com.kap.support.Api;
import com.kap.support.KapTest;
import com.kap.support.WebappSession;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Finding 6 of the red-team review: KAMs read more than their own: global instance counts
 * ({@code /process-definition/statistics}), {@code /metrics}, every user's e-mail and groups, and other KAMs'
 * instance ids inside 403 messages.
 */
@KapTest
class KamLeastPrivilegeTest {

  private static final int YEAR = 2045;

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired AccountPlanRepository plans;
  @Autowired RuntimeService runtimeService;
  @LocalServerPort int port;
  private final List<String> started = new ArrayList<>();

  @AfterEach
  void tearDown() {
    started.forEach(id -> runtimeService.deleteProcessInstanceIfExists(id, "test over", true, true, true, true));
    jdbc.update("delete from kap_open_round");
  }

  @Test
  void aKamReadsOnlyWhatIsHers() throws Exception {
    Api api = new Api(rest);
    assertThat(status(api.get("alice", "/engine-rest/process-definition/statistics", String.class)))
        .as("instance counts over everyone's processes").isEqualTo(403);
    assertThat(status(api.get("alice", "/engine-rest/process-definition/key/investmentBid/statistics",
        String.class))).as("activity counts over everyone's bids").isEqualTo(403);
    assertThat(status(api.get("alice", "/engine-rest/metrics/activity-instance-start/sum", String.class)))
        .as("the engine's metrics").isEqualTo(403);
    assertThat(status(api.get("paula", "/engine-rest/process-definition/statistics", String.class)))
        .as("the process owner (Cockpit)").isEqualTo(200);
    assertThat(status(api.get("admin", "/engine-rest/metrics/activity-instance-start/sum", String.class)))
        .as("the administrator").isEqualTo(200);

    JsonNode users = api.get("alice", "/engine-rest/user?maxResults=100", JsonNode.class).getBody();
    assertThat(users.findValuesAsText("id")).as("users alice can list").containsExactly("alice");
    assertThat(users.toString()).doesNotContain("bruno@kap.example");
    assertThat(api.get("alice", "/engine-rest/group?maxResults=100&member=bruno", JsonNode.class).getBody()
        .findValuesAsText("id")).as("bruno's groups").doesNotContain("global-committee", "director")
        .allMatch(id -> id.equals("kam"));
    assertThat(api.get("alice", "/engine-rest/group?maxResults=100", JsonNode.class).getBody()
        .findValuesAsText("id")).as("groups alice can list").containsExactly("kam");

    // a refusal names no one else's process
    jdbc.update("delete from kap_open_round");
    if (plans.find(YEAR, "ACC-001").isEmpty()) {
      String kam = jdbc.queryForObject("select kam from kap_account where account_id = 'ACC-001'", String.class);
      plans.insert(new AccountPlan(YEAR, "ACC-001", "privilege", kam, "Strategic", AccountPlan.Status.APPROVED,
          Instant.now(), Instant.now(), 1));
    }
    JsonNode round = ok(api.postJson("diane", "/engine-rest/process-definition/key/budgetRound/submit-form",
        BudgetForms.round("Privilege " + YEAR, null, YEAR), JsonNode.class));
    started.add(round.get("id").asText());
    JsonNode bid = ok(api.postJson("bruno", "/engine-rest/process-definition/key/investmentBid/submit-form",
        BudgetForms.bid("ACC-001", 20_000), JsonNode.class));
    started.add(bid.get("id").asText());
    JsonNode task = api.awaitTask("bruno", "taskDefinitionKey=reviseBid&processInstanceId=" + bid.get("id").asText());
    String brunos = bid.get("id").asText();
    ResponseEntity<String> refused = api.postJson("alice", "/engine-rest/task/" + task.get("id").asText()
        + "/submit-form", "{\"variables\":{\"action\":{\"value\":\"withdraw\"}}}", String.class);
    assertThat(status(refused)).isEqualTo(403);
    assertNamesNoResource(refused.getBody(), brunos, task);
    WebappSession tasklist = new WebappSession(port);
    tasklist.login("alice", "demo", "tasklist");
    var viaTasklist = tasklist.postJson("/api/engine/engine/default/task/" + task.get("id").asText()
        + "/submit-form", "{\"variables\":{\"action\":{\"value\":\"withdraw\"}}}");
    assertThat(viaTasklist.statusCode()).isEqualTo(403);
    assertNamesNoResource(viaTasklist.body(), brunos, task);
  }

  /** Camunda's refusal named each resource (task, process instance, definition): now only their types. */
  private static void assertNamesNoResource(String body, String brunosInstance, JsonNode task) throws Exception {
    JsonNode refusal = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
    assertThat(refusal.get("type").asText()).isEqualTo("AuthorizationException");
    assertThat(refusal.get("message").asText()).as(body).doesNotContain("on resource '");
    assertThat(refusal.get("missingAuthorizations")).as(body).isNotEmpty()
        .allMatch(missing -> missing.path("resourceId").isNull());
    assertThat(body).doesNotContain(brunosInstance).doesNotContain(task.get("processDefinitionId").asText())
        .doesNotContain("investmentBid");
  }

  private static int status(ResponseEntity<?> answer) {
    return answer.getStatusCode().value();
  }

  private static JsonNode ok(ResponseEntity<JsonNode> answer) {
    assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(200);
    return answer.getBody();
  }
}
