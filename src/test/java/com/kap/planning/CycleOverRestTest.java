package com.kap.planning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.kap.support.Api;
import com.kap.support.KapTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
    ResponseEntity<JsonNode> started = api.postJson("diane",
        "/engine-rest/process-definition/key/annualPlanningCycle/submit-form", startForm(YEAR), JsonNode.class);
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(started.getBody().get("businessKey").asText()).isEqualTo(String.valueOf(YEAR));
    String cycleId = started.getBody().get("id").asText();
    ResponseEntity<JsonNode> again = api.postJson("diane",
        "/engine-rest/process-definition/key/annualPlanningCycle/submit-form", startForm(YEAR), JsonNode.class);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(again.getBody().get("message").asText()).contains("a planning cycle for 2070 has already been started");

    // the programme director validates the segmentation, with one override
    JsonNode validation = api.awaitTask("diane", "processInstanceId=" + cycleId);
    String submit = "/engine-rest/task/" + validation.get("id").asText() + "/submit-form";
    ResponseEntity<JsonNode> withoutReason = api.postJson("diane", submit,
        variables(json("overrides", "[{\"accountId\":\"ACC-024\",\"segment\":\"Strategic\",\"reason\":\"\"}]")),
        JsonNode.class);
    assertThat(withoutReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(withoutReason.getBody().get("message").asText()).contains("overrides[0].reason: is required");
    assertThat(api.postJson("alice", submit, variables(""), String.class).getStatusCode())
        .as("a KAM may not complete the director's task").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(api.postJson("diane", submit, variables(json("overrides",
        "[{\"accountId\":\"ACC-024\",\"segment\":\"Status\",\"reason\":\"Strong relationship after the merger\"}]")),
        String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    JsonNode segmentation = api.get("diane", "/api/accounts/ACC-024", JsonNode.class).getBody()
        .get("segmentsByYear").get(String.valueOf(YEAR));
    assertThat(segmentation.get("segment").asText()).isEqualTo("Status");
    assertThat(segmentation.get("override").get("by").asText()).isEqualTo("diane");
    int accounts = api.get("diane", "/api/programme/" + YEAR + "/dashboard", JsonNode.class).getBody()
        .get("accounts").asInt();

    // every KAM drafts the plans of their accounts; one first misses the quality bar
    awaitCount(() -> countDrafts() == accounts);
    List<JsonNode> allDrafts = new ArrayList<>();
    for (String kam : List.of("alice", "bruno", "chen")) {
      allDrafts.addAll(api.tasks(kam, "assignee=" + kam + "&taskDefinitionKey=draftAccountPlan"
          + "&processInstanceBusinessKeyLike=" + YEAR + "-%"));
    }
    assertThat(allDrafts).hasSize(accounts);
    JsonNode first = allDrafts.get(0);
    assertThat(complete(first, revenueOnlyPlan()).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    for (JsonNode draft : allDrafts) {
      JsonNode current = api.tasks(draft.get("assignee").asText(), "processInstanceId="
          + draft.get("processInstanceId").asText() + "&taskDefinitionKey=draftAccountPlan").get(0);
      assertThat(complete(current, goodPlan()).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    // the sponsor reviews the plans whose segment requires it; the director approves every plan
    for (JsonNode review : api.tasks("gilles", "taskDefinitionKey=reviewPlanAsSponsor&processInstanceBusinessKeyLike="
        + YEAR + "-%")) {
      assertThat(api.postJson("gilles", "/engine-rest/task/" + review.get("id").asText() + "/submit-form",
          variables("\"sponsorComments\":{\"value\":\"Agreed\"}"), String.class).getStatusCode())
          .isEqualTo(HttpStatus.NO_CONTENT);
    }
    List<JsonNode> approvals = api.tasks("diane", "taskDefinitionKey=approveAccountPlan&processInstanceBusinessKeyLike="
        + YEAR + "-%");
    assertThat(approvals).hasSize(accounts);
    for (JsonNode approval : approvals) {
      assertThat(api.postJson("diane", "/engine-rest/task/" + approval.get("id").asText() + "/submit-form",
          variables("\"decision\":{\"value\":\"approve\"}"), String.class).getStatusCode())
          .isEqualTo(HttpStatus.NO_CONTENT);
    }

    // all plans approved: the training coordinator consolidates the cycle's training needs
    JsonNode training = api.awaitTask("hana", "processInstanceId=" + cycleId);
    assertThat(training.get("taskDefinitionKey").asText()).isEqualTo("consolidateTrainingPlan");
    assertThat(api.postJson("hana", "/engine-rest/task/" + training.get("id").asText() + "/submit-form",
        variables("\"trainingPlan\":{\"value\":\"Value selling for all KAMs in Q1\"}"), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    awaitCount(() -> "COMPLETED".equals(api.get("admin", "/engine-rest/history/process-instance/" + cycleId,
        JsonNode.class).getBody().get("state").asText()));

    JsonNode dashboard = api.get("eric", "/api/programme/" + YEAR + "/dashboard", JsonNode.class).getBody();
    assertThat(dashboard.get("plans").asInt()).isEqualTo(accounts);
    assertThat(dashboard.get("approved").asInt()).isEqualTo(accounts);
    assertThat(dashboard.get("approvedOnTime").asInt()).isEqualTo(accounts);
    assertThat(dashboard.get("overdue").asInt()).isZero();
    assertThat(dashboard.get("shareWithValueObjective").decimalValue()).isEqualByComparingTo("1");
    assertThat(dashboard.get("accountsPerSegment").get("Status").asInt()).isPositive();
    assertThat(dashboard.get("trainingPlanConsolidated").asBoolean()).isTrue();
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

  private int countDrafts() {
    int count = 0;
    for (String kam : List.of("alice", "bruno", "chen")) {
      count += api.tasks(kam, "assignee=" + kam + "&taskDefinitionKey=draftAccountPlan&processInstanceBusinessKeyLike="
          + YEAR + "-%").size();
    }
    return count;
  }

  private ResponseEntity<String> complete(JsonNode task, String variables) {
    return api.postJson(task.get("assignee").asText(), "/engine-rest/task/" + task.get("id").asText()
        + "/submit-form", variables(variables), String.class);
  }

  private static String startForm(int year) {
    return variables("\"year\":{\"value\":" + year + "},\"planDeadline\":{\"value\":\"" + (year - 1)
        + "-12-15\"},\"closingDate\":{\"value\":\"" + year + "-03-31\"}");
  }

  private static String goodPlan() {
    return "\"customerSituation\":{\"value\":\"Consolidating suppliers\"},"
        + "\"customerStrategy\":{\"value\":\"Outcome-based contracts\"},\"strengths\":{\"value\":\"Reliability\"},"
        + "\"vulnerabilities\":{\"value\":\"Price\"},\"strategies\":{\"value\":\"Value pricing\"},"
        + "\"sponsorTouchpoints\":{\"value\":\"Quarterly top-to-top\"},"
        + json("objectives", "[{\"type\":\"profitability\",\"description\":\"Lift margin\",\"metric\":\"GM\","
            + "\"baseline\":\"24%\",\"target\":\"27%\",\"dueDate\":\"2070-12-31\"}]") + ","
        + json("actions", "[{\"action\":\"Pricing workshop\",\"owner\":\"kam\",\"dueDate\":\"2070-03-31\"}]") + ","
        + json("risks", "[{\"risk\":\"Competitor\",\"likelihood\":\"medium\"}]") + ","
        + json("trainingNeeds", "[{\"forWhom\":\"kam\",\"need\":\"Value selling\"}]");
  }

  private static String revenueOnlyPlan() {
    return goodPlan().replace("\\\"type\\\":\\\"profitability\\\"", "\\\"type\\\":\\\"revenue\\\"");
  }

  private static String json(String name, String value) {
    return "\"" + name + "\":{\"type\":\"Json\",\"value\":\"" + value.replace("\\", "\\\\").replace("\"", "\\\"")
        + "\"}";
  }

  private static String variables(String inner) {
    return "{\"variables\":{" + inner + "}}";
  }

  private static void awaitCount(java.util.function.BooleanSupplier done) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (!done.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("not done within 60 s");
      }
      Thread.sleep(200);
    }
  }
}
