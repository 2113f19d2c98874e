package com.kap.support;

import static com.kap.support.CycleForms.startForm;
import static com.kap.support.CycleForms.variables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;

/**
 * One year's planning cycle of the demo portfolio, driven as the demo users drive it: Camunda's REST API (what
 * Tasklist calls) for the tasks. The tests that use it assert what each step answers.
 */
public class DemoCycle {

  public static final List<String> KAMS = List.of("alice", "bruno", "chen", "camille");
  private static final String SUBMIT_START = "/engine-rest/process-definition/key/annualPlanningCycle/submit-form";

  private final Api api;
  private final int year;

  public DemoCycle(Api api, int year) {
    this.api = api;
    this.year = year;
  }

  /** The programme director starts the cycle from Tasklist's start form. */
  public ResponseEntity<JsonNode> start() {
    return api.postJson("diane", SUBMIT_START, startForm(year), JsonNode.class);
  }

  /** Starts the cycle unless an earlier test of the run started it already. */
  public void startOnce() {
    ResponseEntity<JsonNode> started = start();
    if (started.getStatusCode().value() != 200) {
      assertThat(started.getBody().path("message").asText()).as("the %s cycle", year)
          .contains("has already been started");
    }
  }

  /**
   * The same, then waits for its segmentation to validate: the cycle reaches that task after its first asynchronous
   * steps, and Tasklist shows it only then.
   */
  public void startOnceAndAwaitValidation() throws InterruptedException {
    startOnce();
    api.awaitTask("diane", "taskDefinitionKey=validateSegmentation&processInstanceBusinessKey=" + year);
  }

  public int accounts() {
    return dashboard("diane").get("accounts").asInt();
  }

  /** The sponsor reviews the plans whose segment requires it; the programme director approves all of them. */
  public void reviewAndApproveEveryPlan(int accounts) {
    for (JsonNode review : sponsorReviews()) {
      assertThat(submit("gilles", review, "\"sponsorComments\":{\"value\":\"Agreed\"}").getStatusCode().value())
          .isEqualTo(204);
    }
    List<JsonNode> approvals = approvals();
    assertThat(approvals).hasSize(accounts);
    for (JsonNode approval : approvals) {
      assertThat(submit("diane", approval, "\"decision\":{\"value\":\"approve\"}").getStatusCode().value())
          .isEqualTo(204);
    }
  }

  /** The dashboard of a finished cycle: every plan approved on time, each with a value objective, training done. */
  public void assertEveryPlanApproved(String user, int accounts) {
    JsonNode dashboard = dashboard(user);
    assertThat(dashboard.get("plans").asInt()).isEqualTo(accounts);
    assertThat(dashboard.get("approved").asInt()).isEqualTo(accounts);
    assertThat(dashboard.get("approvedOnTime").asInt()).isEqualTo(accounts);
    assertThat(dashboard.get("overdue").asInt()).isZero();
    assertThat(dashboard.get("shareWithValueObjective").decimalValue()).isEqualByComparingTo("1");
    assertThat(dashboard.get("accountsPerSegment").get("Status").asInt()).isPositive();
    assertThat(dashboard.get("trainingPlanConsolidated").asBoolean()).isTrue();
  }

  public JsonNode dashboard(String user) {
    return api.get(user, "/api/programme/" + year + "/dashboard", JsonNode.class).getBody();
  }

  /** Every KAM's draftAccountPlan tasks of this cycle, once the plan fan-out has started one per account. */
  public List<JsonNode> awaitDrafts(int accounts) throws InterruptedException {
    await(accounts + " plans to draft").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
        .until(() -> drafts().size() == accounts);
    return drafts();
  }

  public List<JsonNode> drafts() {
    List<JsonNode> drafts = new ArrayList<>();
    for (String kam : KAMS) {
      drafts.addAll(api.tasks(kam, "assignee=" + kam + "&taskDefinitionKey=draftAccountPlan&" + ofThisCycle()));
    }
    return drafts;
  }

  /** The current draftAccountPlan task of the plan whose (earlier) task is given. */
  public JsonNode currentDraft(JsonNode task) {
    return api.tasks(task.get("assignee").asText(), "processInstanceId=" + task.get("processInstanceId").asText()
        + "&taskDefinitionKey=draftAccountPlan").get(0);
  }

  /** The task's assignee submits the task's form with the variables. */
  public ResponseEntity<String> complete(JsonNode task, String variables) {
    return submit(task.get("assignee").asText(), task, variables);
  }

  public ResponseEntity<String> submit(String user, JsonNode task, String variables) {
    return api.postJson(user, "/engine-rest/task/" + task.get("id").asText() + "/submit-form", variables(variables),
        String.class);
  }

  public List<JsonNode> sponsorReviews() {
    return api.tasks("gilles", "taskDefinitionKey=reviewPlanAsSponsor&" + ofThisCycle());
  }

  public List<JsonNode> approvals() {
    return api.tasks("diane", "taskDefinitionKey=approveAccountPlan&" + ofThisCycle());
  }

  public void awaitCompleted(String processInstanceId) throws InterruptedException {
    await(processInstanceId + " to complete").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
        .until(() -> "COMPLETED".equals(api.get("admin", "/engine-rest/history/process-instance/" + processInstanceId,
            JsonNode.class).getBody().get("state").asText()));
  }

  /** The business keys of a cycle's account plans are "year-accountId". */
  private String ofThisCycle() {
    return "processInstanceBusinessKeyLike=" + year + "-%";
  }
}
