package com.kap.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.kap.budget.internal.BudgetIds;
import com.kap.planning.AccountPlan;
import com.kap.planning.internal.AccountPlanRepository;
import com.kap.support.Api;
import com.kap.support.KapTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Task completions through /engine-rest, as a client other than Tasklist may send them: wrong types and script-like
 * text are refused server-side with 400 naming the field, the task stays open, and KAP records nothing.
 */
@KapTest
class HostileTaskCompletionTest {

  private static final int CYCLE_YEAR = 2093;
  private static final int ROUND_YEAR = 2094;
  private static final String MARKUP = "must not contain markup or expressions";

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired AccountPlanRepository plans;
  @Autowired RuntimeService runtimeService;
  Api api;
  private final List<String> started = new ArrayList<>();

  @BeforeEach
  void setUp() {
    api = new Api(rest);
    jdbc.update("delete from kap_open_round");
  }

  @AfterEach
  void stopWhatWasStarted() {
    started.forEach(id -> runtimeService.deleteProcessInstanceIfExists(id, "test over", true, true, true, true));
    jdbc.update("delete from kap_open_round");
  }

  @Test
  void theSegmentationCannotBeValidatedWithScriptsOrWrongTypes() throws Exception {
    String start = "/engine-rest/process-definition/key/annualPlanningCycle/submit-form";
    assertRefused(api.postJson("diane", start, variables("\"year\":{\"value\":true}," + deadlines()), JsonNode.class),
        "year: must be a number, was true");
    assertRefused(api.postJson("diane", start, variables("\"year\":{\"value\":\"1e999999999\"}," + deadlines()),
        JsonNode.class), "year: must be from");
    ResponseEntity<JsonNode> cycle = api.postJson("diane", start,
        variables("\"year\":{\"value\":" + CYCLE_YEAR + "}," + deadlines()), JsonNode.class);
    assertThat(cycle.getStatusCode()).isEqualTo(HttpStatus.OK);
    started.add(cycle.getBody().get("id").asText());
    JsonNode task = api.awaitTask("diane", "processInstanceId=" + cycle.getBody().get("id").asText()
        + "&taskDefinitionKey=validateSegmentation");
    String taskId = task.get("id").asText();
    List<Map<String, Object>> segmentsBefore = segments();
    assertThat(segmentsBefore).isNotEmpty();

    assertRefusedCompletion("diane", taskId, "submit-form",
        json("overrides",
            "[{\"accountId\":\"ACC-024\",\"segment\":\"Status\",\"reason\":\"<script>alert(1)</script>\"}]"),
        "overrides[0].reason: " + MARKUP);
    assertRefusedCompletion("diane", taskId, "complete",
        json("overrides", "[{\"accountId\":\"ACC-024\",\"segment\":\"Status\",\"reason\":\"${''.getClass()}\"}]"),
        "overrides[0].reason: " + MARKUP);
    assertRefusedCompletion("diane", taskId, "submit-form",
        json("overrides", "[{\"accountId\":\"ACC-024\",\"segment\":\"<b>Star</b>\",\"reason\":\"x\"}]"),
        "overrides[0].segment: " + MARKUP);
    assertRefusedCompletion("diane", taskId, "complete",
        json("overrides", "[{\"accountId\":{\"id\":\"ACC-024\"},\"segment\":\"Status\",\"reason\":\"x\"}]"),
        "overrides[0].accountId: must be text");
    assertRefusedCompletion("diane", taskId, "submit-form", "\"overrides\":{\"value\":\"not a list\"}",
        "overrides: must be a list of entries");
    assertRefusedCompletion("diane", taskId, "complete", javaSerialized("overrides"), null);

    assertThat(api.get("diane", "/engine-rest/task/" + taskId, JsonNode.class).getStatusCode())
        .as("the task is still open").isEqualTo(HttpStatus.OK);
    assertThat(segments()).as("no override recorded").isEqualTo(segmentsBefore);
  }

  @Test
  void aBidCannotBeRevisedWithScriptsOrWrongTypes() throws Exception {
    if (plans.find(ROUND_YEAR, "ACC-003").isEmpty()) {
      plans.insert(new AccountPlan(ROUND_YEAR, "ACC-003", "test", "alice", "Strategic", AccountPlan.Status.APPROVED,
          Instant.now(), Instant.now(), 1));
    }
    ResponseEntity<JsonNode> round = api.postJson("diane",
        "/engine-rest/process-definition/key/budgetRound/submit-form", roundForm(), JsonNode.class);
    assertThat(round.getStatusCode()).isEqualTo(HttpStatus.OK);
    started.add(round.getBody().get("id").asText());
    ResponseEntity<JsonNode> bid = api.postJson("alice",
        "/engine-rest/process-definition/key/investmentBid/submit-form", variables(bid("")), JsonNode.class);
    assertThat(bid.getStatusCode()).isEqualTo(HttpStatus.OK);
    started.add(bid.getBody().get("id").asText());
    String bidId = bid.getBody().get("businessKey").asText();
    JsonNode task = api.awaitTask("alice", "taskDefinitionKey=reviseBid&processInstanceBusinessKey=" + bidId);
    assertThat(task.get("assignee").asText()).isEqualTo("alice");
    String taskId = task.get("id").asText();
    long bidNo = BudgetIds.bidNo(bidId).orElseThrow();
    Map<String, Object> bidBefore = bidRow(bidNo);
    long auditBefore = auditEntries(bidNo);

    String revise = "\"action\":{\"value\":\"revise\"},";
    assertRefusedCompletion("alice", taskId, "submit-form", revise + revision("\"cost\":{\"value\":true},"),
        "cost: must be a number, was true");
    assertRefusedCompletion("alice", taskId, "complete", revise + revision("\"cost\":{\"value\":\"1e999999999\"},"),
        "cost: must be from 1 to 1000000000000, was 1E+999999999");
    assertRefusedCompletion("alice", taskId, "submit-form",
        revise + revision("\"successProbability\":{\"value\":\"NaN\"},"), "successProbability: must be a number");
    assertRefusedCompletion("alice", taskId, "complete",
        revise + revision(json("title", "{\"text\":\"Innovation lab\"}") + ","), "title: must be text");
    assertRefusedCompletion("alice", taskId, "submit-form", revise + revision("\"mustFund\":{\"value\":\"yes\"},"),
        "mustFund: must be true or false, was 'yes'");
    assertRefusedCompletion("alice", taskId, "complete", revise + revision("\"mustFund\":{\"value\":1},"),
        "mustFund: must be true or false, was '1'");
    assertRefusedCompletion("alice", taskId, "submit-form",
        revise + revision("\"title\":{\"value\":\"<img src=x onerror=alert(1)>\"},"), "title: " + MARKUP);
    assertRefusedCompletion("alice", taskId, "complete",
        revise + revision("\"objectives\":{\"value\":\"See javascript:alert(document.cookie)\"},"), "objectives: " + MARKUP);
    assertRefusedCompletion("alice", taskId, "submit-form",
        revise + revision("\"objectives\":{\"value\":\"#{request.getSession()}\"},"), "objectives: " + MARKUP);
    assertRefusedCompletion("alice", taskId, "complete", revise + revision(javaSerialized("title") + ","), null);

    assertThat(api.get("alice", "/engine-rest/task/" + taskId, JsonNode.class).getStatusCode())
        .as("the task is still open").isEqualTo(HttpStatus.OK);
    assertThat(bidRow(bidNo)).as("no revision stored").isEqualTo(bidBefore);
    assertThat(auditEntries(bidNo)).as("nothing audited").isEqualTo(auditBefore);
    ResponseEntity<String> honest = api.postJson("alice", "/engine-rest/task/" + taskId + "/submit-form",
        variables(revise + revision("\"objectives\":{\"value\":\"Lift gross margin < 30 % by 2092\"},")), String.class);
    assertThat(honest.getStatusCode()).as("a plain revision still passes: " + honest.getBody())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(bidRow(bidNo).get("OBJECTIVES")).isEqualTo("Lift gross margin < 30 % by 2092");
  }

  private void assertRefusedCompletion(String user, String taskId, String endpoint, String variables,
      String message) {
    ResponseEntity<JsonNode> response = api.postJson(user, "/engine-rest/task/" + taskId + "/" + endpoint,
        variables(variables), JsonNode.class);
    assertThat(response.getStatusCode().value()).as(variables + " → " + response.getBody()).isEqualTo(400);
    if (message != null && response.getBody().has("field")) {
      // KAP's refusals name the field by its label; the key and the problem are in "field" and the message
      int colon = message.indexOf(": ");
      assertThat(response.getBody().get("field").asText()).as(variables).isEqualTo(message.substring(0, colon));
      assertThat(response.getBody().get("message").asText()).as(variables).contains(message.substring(colon + 2))
          .doesNotContain(message.substring(0, colon) + ":");
    } else if (message != null) {
      assertThat(response.getBody().get("message").asText()).as(variables).contains(message);
    } else {
      assertThat(response.getBody().get("message").asText()).as(variables).isNotBlank();
    }
  }

  private static void assertRefused(ResponseEntity<JsonNode> response, String message) {
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().get("message").asText()).contains(message);
  }

  private List<Map<String, Object>> segments() {
    return jdbc.queryForList("select * from kap_account_segment where cycle_year = ? order by account_id", CYCLE_YEAR);
  }

  private Map<String, Object> bidRow(long bidNo) {
    return jdbc.queryForMap("select * from kap_bid where bid_no = ?", bidNo);
  }

  private long auditEntries(long bidNo) {
    return jdbc.queryForObject("select count(*) from kap_budget_audit where bid_no = ?", Long.class, bidNo);
  }

  /** A variable that Camunda would deserialize with Java serialization, were it enabled. */
  private static String javaSerialized(String name) {
    return "\"" + name + "\":{\"type\":\"Object\",\"value\":\"rO0ABXQABGV2aWw=\",\"valueInfo\":{"
        + "\"objectTypeName\":\"java.lang.String\","
        + "\"serializationDataFormat\":\"application/x-java-serialized-object\"}}";
  }

  private static String deadlines() {
    return "\"planDeadline\":{\"value\":\"" + (CYCLE_YEAR - 1) + "-12-15\"},\"closingDate\":{\"value\":\"" + CYCLE_YEAR
        + "-03-31\"}";
  }

  private static String roundForm() {
    return variables("\"name\":{\"value\":\"EMEA " + ROUND_YEAR + "\"},\"level\":{\"value\":\"regional\"},"
        + "\"region\":{\"value\":\"EMEA\"},\"year\":{\"value\":" + ROUND_YEAR + "},\"envelope\":{\"value\":100000},"
        + "\"reservePercent\":{\"value\":10},\"callDeadline\":{\"value\":\""
        + LocalDate.now(ZoneOffset.UTC).plusDays(7) + "\"},\"committee\":{\"value\":\"eric, fatima\"},"
        + "\"chair\":{\"value\":\"fatima\"}");
  }

  /** A sound bid; {@code replaced} holds variables that take the place of the same-named ones. */
  private static String bid(String replaced) {
    StringBuilder variables = new StringBuilder(replaced);
    Map<String, String> sound = new java.util.LinkedHashMap<>();
    sound.put("accountId", "\"ACC-003\"");
    sound.put("title", "\"Innovation lab\"");
    sound.put("category", "\"growth\"");
    sound.put("cost", "20000");
    sound.put("expectedMargin", "90000");
    sound.put("successProbability", "70");
    sound.put("coInvestment", "5000");
    sound.put("objectives", "\"Lift gross margin to 28 %\"");
    sound.put("mustFund", "false");
    sound.forEach((name, value) -> {
      if (!replaced.contains("\"" + name + "\":")) {
        variables.append('"').append(name).append("\":{\"value\":").append(value).append("},");
      }
    });
    return variables.substring(0, variables.length() - 1);
  }

  /** A sound revision: the bid without its account, which the revision form does not take. */
  private static String revision(String replaced) {
    return bid(replaced).replace("\"accountId\":{\"value\":\"ACC-003\"},", "");
  }

  private static String json(String name, String value) {
    return "\"" + name + "\":{\"type\":\"Json\",\"value\":\"" + value.replace("\\", "\\\\").replace("\"", "\\\"")
        + "\"}";
  }

  private static String variables(String inner) {
    return "{\"variables\":{" + inner + "}}";
  }
}
