package com.kap.planning;

import static com.kap.support.CycleForms.goodPlan;
import static com.kap.support.CycleForms.json;
import static com.kap.support.CycleForms.revenueOnlyPlan;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.kap.support.Api;
import com.kap.support.DemoCycle;
import com.kap.support.KapTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A whole planning cycle of the demo portfolio, driven as the demo users drive it: Camunda's REST API (what
 * Tasklist calls) for tasks, KAP's API for the results, with the job executor running.
 */
@KapTest
class CycleOverRestTest {

  private static final int YEAR = 2070;

  @Autowired
  TestRestTemplate rest;
  Api api;

  @BeforeEach
  void client() {
    api = new Api(rest);
  }

  @Test
  void aWholeCycleFromSegmentationToTrainingPlan() throws Exception {
    DemoCycle cycle = new DemoCycle(api, YEAR);
    ResponseEntity<JsonNode> started = cycle.start();
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(started.getBody().get("businessKey").asText()).isEqualTo(String.valueOf(YEAR));
    String cycleId = started.getBody().get("id").asText();
    ResponseEntity<JsonNode> again = cycle.start();
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(again.getBody().get("message").asText()).contains("a planning cycle for 2070 has already been started");

    // the programme director validates the segmentation, with one override
    JsonNode validation = api.awaitTask("diane", "processInstanceId=" + cycleId);
    ResponseEntity<String> withoutReason = cycle.submit("diane", validation,
        json("overrides", "[{\"accountId\":\"ACC-024\",\"segment\":\"Strategic\",\"reason\":\"\"}]"));
    assertThat(withoutReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(withoutReason.getBody()).contains("\"message\":\"Overrides, row 1: Reason: is required\"")
        .contains("\"field\":\"overrides[0].reason\"");
    assertThat(cycle.submit("alice", validation, "").getStatusCode())
        .as("a KAM may not complete the director's task").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(cycle.submit("diane", validation, json("overrides",
        "[{\"accountId\":\"ACC-024\",\"segment\":\"Status\",\"reason\":\"Strong relationship after the merger\"}]"))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    JsonNode segmentation = api.get("diane", "/api/accounts/ACC-024", JsonNode.class).getBody()
        .get("segmentsByYear").get(String.valueOf(YEAR));
    assertThat(segmentation.get("segment").asText()).isEqualTo("Status");
    assertThat(segmentation.get("override").get("by").asText()).isEqualTo("diane");
    int accounts = cycle.accounts();

    // every KAM drafts the plans of their accounts; one first misses the quality bar
    List<JsonNode> allDrafts = cycle.awaitDrafts(accounts);
    JsonNode first = allDrafts.get(0);
    assertThat(cycle.complete(first, revenueOnlyPlan()).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    for (JsonNode draft : allDrafts) {
      assertThat(cycle.complete(cycle.currentDraft(draft), goodPlan()).getStatusCode())
          .isEqualTo(HttpStatus.NO_CONTENT);
    }

    // the sponsor reviews the plans whose segment requires it; the director approves every plan
    cycle.reviewAndApproveEveryPlan(accounts);

    // all plans approved: the training coordinator consolidates the cycle's training needs
    JsonNode training = api.awaitTask("hana", "processInstanceId=" + cycleId);
    assertThat(training.get("taskDefinitionKey").asText()).isEqualTo("consolidateTrainingPlan");
    assertThat(cycle.submit("hana", training, "\"trainingPlan\":{\"value\":\"Value selling for all KAMs in Q1\"}")
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    cycle.awaitCompleted(cycleId);

    cycle.assertEveryPlanApproved("eric", accounts);
    assertThat(api.get("alice", "/api/programme/" + YEAR + "/dashboard", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    String reworked = first.get("processInstanceId").asText();
    JsonNode reworkedTask = api.get("admin", "/engine-rest/history/process-instance/" + reworked, JsonNode.class)
        .getBody();
    String accountId = reworkedTask.get("businessKey").asText().substring(5);
    String kam = first.get("assignee").asText();
    JsonNode plan = api.get(kam, "/api/accounts/" + accountId + "/plans/" + YEAR, JsonNode.class).getBody();
    assertThat(plan.get("status").asText()).isEqualTo("APPROVED");
    assertThat(plan.get("versions")).hasSize(2);
    assertThat(plan.get("versions").get(0).get("qualityPassed").asBoolean()).isFalse();
    assertThat(plan.get("approvedVersion").asInt()).isEqualTo(2);
    assertThat(plan.get("approved").get("content").get("objectives").get(0).get("type").asText())
        .isEqualTo("profitability");
    String otherKam = kam.equals("alice") ? "bruno" : "alice";
    assertThat(api.get(otherKam, "/api/accounts/" + accountId + "/plans/" + YEAR, String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }
}
