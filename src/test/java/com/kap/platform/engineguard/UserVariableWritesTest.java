package com.kap.platform.engineguard;

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
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Finding 1 of the red-team review: what users write never steers the engine. alice (KAM) sent {@code registerBid} as
 * a {@code com.kap} object through the investmentBid start form and started planning cycles; a plain String
 * {@code bidEligibilityInputs} on her own bid broke the round's close. Users now write only the fields of the form
 * of their start or task, with the field's type, over {@code /engine-rest} and Tasklist's API alike.
 */
@KapTest
class UserVariableWritesTest {

  private static final int YEAR = 2055;
  private static final String START_BID = "/process-definition/key/investmentBid/submit-form";
  /** A {@code com.kap} class with a no-argument constructor that starts planning cycles, as alice sent it. */
  private static final String CYCLE_STARTER = "{\"value\":\"{}\",\"type\":\"Object\",\"valueInfo\":{\"objectTypeName\":"
      + "\"com.kap.planning.process.StartScheduledCycleDelegate\",\"serializationDataFormat\":\"application/json\"}}";

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired AccountPlanRepository plans;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @LocalServerPort int port;

  private Api api;
  private final List<String> started = new ArrayList<>();

  @BeforeEach
  void setUp() {
    api = new Api(rest);
    jdbc.update("delete from kap_open_round");
    if (plans.find(YEAR, "ACC-003").isEmpty()) {
      plans.insert(new AccountPlan(YEAR, "ACC-003", "guard", "alice", "Strategic", AccountPlan.Status.APPROVED,
          Instant.now(), Instant.now(), 1));
    }
    ResponseEntity<JsonNode> round = api.postJson("diane", "/engine-rest/process-definition/key/budgetRound/submit-form",
        BudgetForms.round("Guard " + YEAR, null, YEAR), JsonNode.class);
    assertThat(round.getStatusCode().value()).as(String.valueOf(round.getBody())).isEqualTo(200);
    started.add(round.getBody().get("id").asText());
  }

  @AfterEach
  void tearDown() {
    started.forEach(id -> runtimeService.deleteProcessInstanceIfExists(id, "test over", true, true, true, true));
    jdbc.update("delete from kap_open_round");
  }

  @Test
  void aKamCannotReplaceAServerStepThroughTheStartForm() {
    long cycles = instances("annualPlanningCycle");
    long bids = instances("investmentBid");
    String body = withVariable(BudgetForms.bid("ACC-003", 20_000), "registerBid", CYCLE_STARTER);

    ResponseEntity<JsonNode> rest = api.postJson("alice", "/engine-rest" + START_BID, body, JsonNode.class);
    assertThat(rest.getStatusCode().value()).as(String.valueOf(rest.getBody())).isEqualTo(403);
    assertThat(rest.getBody().get("message").asText()).contains("registerBid");
    WebappSession tasklist = new WebappSession(port);
    tasklist.login("alice", "demo", "tasklist");
    assertThat(tasklist.postJson("/api/engine/engine/default" + START_BID, body).statusCode())
        .as("Tasklist's API").isEqualTo(403);
    assertThat(api.postJson("alice", "/engine-rest/process-definition/key/investmentBid/start", body, String.class)
        .getStatusCode().value()).as("/start").isEqualTo(403);
    assertThat(api.postJson("alice", "/engine-rest/process-definition/key/investmentBid/start",
        "{\"startInstructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"reviseBid\"}]}", String.class)
        .getStatusCode().value()).as("a start that skips the registration").isEqualTo(403);

    assertThat(instances("annualPlanningCycle")).as("no planning cycle started").isEqualTo(cycles);
    assertThat(instances("investmentBid")).as("no bid started").isEqualTo(bids);
  }

  @Test
  void declaredFieldsTakeOnlyTheirTypeAndUndeclaredVariablesNothing() throws Exception {
    String objectCost = withVariable(BudgetForms.bid("ACC-003", 20_000), "requiresBid", "{\"value\":\"{}\",\"type\":"
        + "\"Object\",\"valueInfo\":{\"objectTypeName\":\"java.util.HashMap\",\"serializationDataFormat\":"
        + "\"application/json\"}}");
    assertThat(status(api.postJson("alice", "/engine-rest" + START_BID, objectCost, JsonNode.class)))
        .as("an Object in a text field").isEqualTo(400);
    String xmlTitle = withVariable(BudgetForms.bid("ACC-003", 20_000), "exclusiveGroup",
        "{\"value\":\"<a/>\",\"type\":\"Xml\"}");
    assertThat(status(api.postJson("alice", "/engine-rest" + START_BID, xmlTitle, JsonNode.class)))
        .as("XML in a text field").isEqualTo(400);

    ResponseEntity<JsonNode> bid = api.postJson("alice", "/engine-rest" + START_BID,
        BudgetForms.bid("ACC-003", 20_000), JsonNode.class);
    assertThat(bid.getStatusCode().value()).as("the form's own fields pass").isEqualTo(200);
    started.add(bid.getBody().get("id").asText());
    String instance = bid.getBody().get("id").asText();
    String task = api.awaitTask("alice", "taskDefinitionKey=reviseBid&processInstanceId=" + instance).get("id")
        .asText();

    String plain = "{\"value\":\"bidEligibilityInputs\",\"type\":\"String\"}";
    assertThat(status(api.putJson("alice", "/engine-rest/task/" + task + "/variables/bidEligibilityInputs", plain,
        String.class))).as("PUT a task variable").isEqualTo(403);
    assertThat(status(api.postJson("alice", "/engine-rest/task/" + task + "/variables",
        "{\"modifications\":{\"bidEligibilityInputs\":" + plain + "}}", String.class))).as("modify task variables")
        .isEqualTo(403);
    assertThat(status(api.postJson("alice", "/engine-rest/task/" + task + "/localVariables",
        "{\"modifications\":{\"scorer\":" + plain + "}}", String.class))).as("modify local task variables")
        .isEqualTo(403);
    assertThat(status(api.postJson("alice", "/engine-rest/task/" + task + "/complete",
        "{\"variables\":{\"action\":{\"value\":\"revise\"},\"bidWithdrawn\":{\"value\":true}}}", String.class)))
        .as("complete with a variable the form does not declare").isEqualTo(403);
    WebappSession tasklist = new WebappSession(port);
    tasklist.login("alice", "demo", "tasklist");
    assertThat(tasklist.postJson("/api/engine/engine/default/task/" + task + "/submit-form",
        "{\"variables\":{\"bidEligibilityInputs\":" + plain + "}}").statusCode()).as("Tasklist's API")
        .isEqualTo(403);
    assertThat(status(api.putJson("alice", "/engine-rest/process-instance/" + instance
        + "/variables/bidEligibilityInputs", plain, String.class))).as("PUT a process variable").isEqualTo(403);
    assertThat(status(api.postJson("alice", "/engine-rest/process-instance/" + instance + "/variables",
        "{\"modifications\":{\"bidEligibilityInputs\":" + plain + "}}", String.class)))
        .as("modify process variables").isEqualTo(403);

    assertThat(status(api.postJson("alice", "/engine-rest/message", "{\"messageName\":\"callClosed\","
        + "\"processInstanceId\":\"" + instance + "\",\"processVariables\":{\"bidEligibilityInputs\":" + plain + "}}",
        String.class))).as("a message with variables").isEqualTo(403);
    assertThat(status(api.postJson("alice", "/engine-rest/signal", "{\"name\":\"anySignal\",\"variables\":"
        + "{\"bidEligibilityInputs\":" + plain + "}}", String.class))).as("a signal with variables").isEqualTo(403);
    assertThat(status(api.postJson("alice", "/engine-rest/process-instance/" + instance + "/modification",
        "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"reviseBid\",\"variables\":"
            + "{\"bidWithdrawn\":{\"value\":true}}}]}", String.class))).as("a modification with variables")
        .isEqualTo(403);

    assertThat(runtimeService.getVariable(instance, "bidEligibilityInputs")).as("nothing written").isNull();
    assertThat(runtimeService.getVariable(instance, "bidWithdrawn")).as("nothing written").isNull();
    assertThat(taskService.createTaskQuery().taskId(task).count()).as("the task is still open").isEqualTo(1);
    assertThat(status(api.putJson("alice", "/engine-rest/task/" + task + "/variables/title",
        "{\"value\":\"A declared field\",\"type\":\"String\"}", String.class))).as("a field of her task's form")
        .isEqualTo(204);
    assertThat(status(api.putJson("admin", "/engine-rest/process-instance/" + instance + "/variables/adminNote",
        "{\"value\":\"admins are exempt\",\"type\":\"String\"}", String.class))).as("the administrator")
        .isEqualTo(204);
  }

  @Test
  void evenAVariableThatGetsInCannotReplaceKapsCode() {
    long cycles = instances("annualPlanningCycle");
    // the administrator may write any variable; the engine still runs KAP's registerBid, not the object
    ResponseEntity<JsonNode> answer = api.postJson("admin", "/engine-rest" + START_BID,
        withVariable(BudgetForms.bid("ACC-003", 20_000), "registerBid", CYCLE_STARTER), JsonNode.class);
    if (answer.getStatusCode().value() == 200) {
      started.add(answer.getBody().get("id").asText());
    }
    assertThat(instances("annualPlanningCycle")).as("no planning cycle started").isEqualTo(cycles);
    // KAP's registerBid ran: it checks the account's KAM (the object would have started a cycle instead)
    assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(400);
    assertThat(answer.getBody().get("message").asText()).contains("'ACC-003' is not one of your accounts");
  }

  private long instances(String key) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(key).count();
  }

  private static String withVariable(String body, String name, String value) {
    return body.replaceFirst("\\{\"variables\":\\{", "{\"variables\":{\"" + name + "\":" + value + ",");
  }

  private static int status(ResponseEntity<?> answer) {
    return answer.getStatusCode().value();
  }
}
