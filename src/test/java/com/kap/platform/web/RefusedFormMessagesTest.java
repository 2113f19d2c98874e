package com.kap.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.kap.support.Api;
import com.kap.support.CycleForms;
import com.kap.support.KapTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * A refused start or task form answers 400 on every endpoint, and its message names the field by the label of the
 * form and carries no process definition id or exception name: Tasklist shows it to the person as it is.
 */
@KapTest
class RefusedFormMessagesTest {

  private static final int YEAR = 2042;

  @Autowired TestRestTemplate rest;

  @Test
  void aRefusedStartAnswers400WithTheLabelOnEveryEndpoint() {
    Api api = new Api(rest);
    assertThat(api.postJson("diane", "/engine-rest/process-definition/key/annualPlanningCycle/submit-form",
        CycleForms.startForm(YEAR), JsonNode.class).getStatusCode().value()).isEqualTo(200);
    for (String endpoint : new String[] {"submit-form", "start"}) {
      ResponseEntity<JsonNode> again = api.postJson("diane", "/engine-rest/process-definition/key/annualPlanningCycle/"
          + endpoint, CycleForms.startForm(YEAR), JsonNode.class);
      assertThat(again.getStatusCode().value()).as(endpoint).isEqualTo(400);
      assertThat(again.getBody().get("message").asText()).as(endpoint)
          .isEqualTo("Cycle year: a planning cycle for " + YEAR + " has already been started");
      assertThat(again.getBody().get("field").asText()).isEqualTo("year");
      assertThat(again.getBody().toString()).doesNotContain("annualPlanningCycle:", "Cannot instantiate", "Exception:");
    }
  }

  @Test
  void aRefusedStartListsEveryProblemAtOnce() {
    int year = 2058;
    Api api = new Api(rest);
    assertThat(api.postJson("diane", "/engine-rest/process-definition/key/annualPlanningCycle/submit-form",
        CycleForms.startForm(year), JsonNode.class).getStatusCode().value()).isEqualTo(200);
    ResponseEntity<JsonNode> refused = api.postJson("diane",
        "/engine-rest/process-definition/key/annualPlanningCycle/submit-form", CycleForms.variables(
            "\"year\":{\"value\":" + year + "},\"planDeadline\":{\"value\":\"2001-12-15\"},"
                + "\"closingDate\":{\"value\":\"" + year + "-03-31\"}"), JsonNode.class);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody().get("message").asText()).isEqualTo("2 problems to correct: "
        + "1) Cycle year: a planning cycle for " + year + " has already been started; "
        + "2) Plan deadline: must not be in the past, was 12/15/2001");
  }

  @Test
  void aRefusedTaskFormNamesTheListRowAndFieldByTheirLabels() throws Exception {
    Api api = new Api(rest);
    String cycleId = api.postJson("diane", "/engine-rest/process-definition/key/annualPlanningCycle/submit-form",
        CycleForms.startForm(YEAR + 1), JsonNode.class).getBody().get("id").asText();
    String task = api.awaitTask("diane", "processInstanceId=" + cycleId).get("id").asText();
    for (String endpoint : new String[] {"submit-form", "complete"}) {
      ResponseEntity<JsonNode> refused = api.postJson("diane", "/engine-rest/task/" + task + "/" + endpoint,
          CycleForms.variables(CycleForms.json("overrides",
              "[{\"accountId\":\"ACC-024\",\"segment\":\"Strategic\",\"reason\":\"Merger\"},"
                  + "{\"accountId\":\"ACC-023\",\"segment\":\"Strategic\",\"reason\":\"\"}]")), JsonNode.class);
      assertThat(refused.getStatusCode().value()).as(endpoint).isEqualTo(400);
      assertThat(refused.getBody().get("message").asText()).isEqualTo("Overrides, row 2: Reason: is required");
      assertThat(refused.getBody().get("field").asText()).isEqualTo("overrides[1].reason");
    }
  }

  @Test
  void aRefusalListsEveryProblemOfTheListAtOnce() throws Exception {
    Api api = new Api(rest);
    String cycleId = api.postJson("diane", "/engine-rest/process-definition/key/annualPlanningCycle/submit-form",
        CycleForms.startForm(YEAR + 2), JsonNode.class).getBody().get("id").asText();
    String task = api.awaitTask("diane", "processInstanceId=" + cycleId).get("id").asText();
    ResponseEntity<JsonNode> refused = api.postJson("diane", "/engine-rest/task/" + task + "/submit-form",
        CycleForms.variables(CycleForms.json("overrides",
            "[{\"accountId\":\"ACC-024\",\"segment\":\"Strategic\",\"reason\":\"\"},"
                + "{\"accountId\":\"ACC-023\",\"segment\":\"Strategic\",\"reason\":\"Merger\"},"
                + "{\"accountId\":\"ACC-023\",\"segment\":\"Star\",\"reason\":\"Second thoughts\"}]")),
        JsonNode.class);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody().get("message").asText()).isEqualTo("2 problems to correct: "
        + "1) Overrides, row 1: Reason: is required; "
        + "2) Overrides, row 3: Account: account 'ACC-023' is overridden twice");
  }

  @Test
  void aPlanRefusalListsEveryProblemAtOnceAndAnOwnerMustBeOnTheTeam() throws Exception {
    int year = 2056;
    Api api = new Api(rest);
    String cycleId = api.postJson("diane", "/engine-rest/process-definition/key/annualPlanningCycle/submit-form",
        CycleForms.startForm(year), JsonNode.class).getBody().get("id").asText();
    String validation = api.awaitTask("diane", "processInstanceId=" + cycleId).get("id").asText();
    api.postJson("diane", "/engine-rest/task/" + validation + "/submit-form", "{\"variables\":{}}", String.class);
    JsonNode draft = api.awaitTask("alice", "taskDefinitionKey=draftAccountPlan&processInstanceBusinessKey=" + year
        + "-ACC-024"); // Tundra Outdoor: KAM alice
    JsonNode offered = api.get("alice", "/engine-rest/task/" + draft.get("id").asText()
        + "/form-variables?variableNames=ownerOptions&deserializeValues=false", JsonNode.class).getBody();
    assertThat(offered.toString()).as("the Owner picker offers the account's team by name")
        .contains("Alice Martin (alice)", "Diane Laurent (diane)").doesNotContain("(bruno)");

    String plan = CycleForms.goodPlan()
        // the action's owner only: the stakeholders' owners are diane too
        .replace("workshop\\\",\\\"owner\\\":\\\"diane\\\"", "workshop\\\",\\\"owner\\\":\\\"bruno\\\"")
        .replace("\\\"description\\\":\\\"Lift margin\\\"", "\\\"description\\\":\\\"\\\"");
    assertThat(plan).contains("bruno");
    ResponseEntity<JsonNode> refused = api.postJson("alice", "/engine-rest/task/" + draft.get("id").asText()
        + "/submit-form", CycleForms.variables(plan), JsonNode.class);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    String message = refused.getBody().get("message").asText();
    assertThat(message).startsWith("2 problems to correct: 1) Objectives").contains(
        "row 1: Objective: is required",
        "2) Action plan, row 1: Owner: pick the KAM, the sponsor or a programme director from the list (bruno is not "
            + "on the account's team)");

    // the form counted 3 actions, 1 arrived: rows lost on the way are refused, not saved as a shorter plan
    ResponseEntity<JsonNode> lost = api.postJson("alice", "/engine-rest/task/" + draft.get("id").asText()
        + "/submit-form", CycleForms.variables(CycleForms.goodPlan() + ",\"actionsRows\":{\"value\":3}"),
        JsonNode.class);
    assertThat(lost.getStatusCode().value()).isEqualTo(400);
    assertThat(lost.getBody().get("message").asText()).isEqualTo("Action plan: only 1 of its 3 rows arrived and "
        + "nothing was saved: show the whole list and complete again");
    assertThat(api.postJson("alice", "/engine-rest/task/" + draft.get("id").asText() + "/submit-form",
        CycleForms.variables(CycleForms.goodPlan() + ",\"actionsRows\":{\"value\":1}"), String.class)
        .getStatusCode().value()).as("every counted row arrived").isEqualTo(204);
  }
}
