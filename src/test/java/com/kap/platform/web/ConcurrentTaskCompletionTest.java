package com.kap.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kap.planning.AccountPlanProcessTest;
import com.kap.planning.internal.AccountPlanRepository;
import com.kap.portfolio.PortfolioSegmentation;
import com.kap.support.Api;
import com.kap.support.CycleForms;
import com.kap.support.KapTest;
import com.kap.support.WebappSession;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Two users complete the same task at the same moment, through /engine-rest and through Tasklist's API: one wins
 * (204), the other is told that someone else was first (409), never a server error, and the task is completed
 * exactly once. A task that was completed earlier also answers 409; a task id that never existed 404.
 */
@KapTest
class ConcurrentTaskCompletionTest {

  private static final String PROCESS = "concurrentCompletionProbe";
  private static final int ROUNDS = 30;
  private static final int PLAN_YEAR = 2046;
  private static final String CONFLICT = "already completed or changed by someone else";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired PortfolioSegmentation segmentation;
  @Autowired AccountPlanRepository plans;
  @LocalServerPort int port;
  Api api;
  private String deployment;
  private final List<String> started = new ArrayList<>();
  private final ExecutorService threads = Executors.newFixedThreadPool(2);

  record Outcome(String user, int status, String body) {}

  @BeforeEach
  void deploy() {
    api = new Api(rest);
    // the task's form declares the one field the completions write (users write only their form's fields)
    deployment = repositoryService.createDeployment().name(PROCESS).addModelInstance(PROCESS + ".bpmn",
        Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1).startEvent().userTask("work")
            .camundaCandidateUsers("alice, bruno").camundaFormRef(PROCESS + "Form").camundaFormRefBinding("deployment")
            .endEvent().done())
        .addString(PROCESS + ".form", "{\"id\":\"" + PROCESS + "Form\",\"type\":\"default\",\"components\":"
            + "[{\"type\":\"textfield\",\"key\":\"completedBy\",\"label\":\"Completed by\"}]}")
        .deploy().getId();
  }

  @AfterEach
  void cleanUp() {
    threads.shutdownNow();
    started.forEach(id -> runtimeService.deleteProcessInstanceIfExists(id, "test over", true, true, true, true));
    repositoryService.deleteDeployment(deployment, true);
  }

  @Test
  void ofTwoSimultaneousCompletionsOneWinsAndTheOtherGets409() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      String taskId = openTask();
      // both complete, both submit the form, or one of each
      String aliceSends = round % 2 == 0 ? "complete" : "submit-form";
      String brunoSends = round % 3 == 0 ? aliceSends : "submit-form";
      List<Outcome> outcomes = race(() -> engineRest("alice", taskId, aliceSends),
          () -> engineRest("bruno", taskId, brunoSends));
      assertOneWonAndOneConflicted(outcomes, taskId);
    }
  }

  @Test
  void ofTwoSimultaneousCompletionsInTasklistOneWinsAndTheOtherGets409() throws Exception {
    WebappSession alice = tasklist("alice");
    WebappSession bruno = tasklist("bruno");
    for (int round = 0; round < ROUNDS / 3; round++) {
      String taskId = openTask();
      List<Outcome> outcomes = race(() -> tasklistSubmit(alice, "alice", taskId),
          () -> tasklistSubmit(bruno, "bruno", taskId));
      assertOneWonAndOneConflicted(outcomes, taskId);
    }
  }

  @Test
  void ofTwoSimultaneousSubmissionsOfAPlanDraftOnlyOneIsRecorded() throws Exception {
    List<String> accounts = List.of("ACC-001", "ACC-002", "ACC-003", "ACC-004", "ACC-005", "ACC-006", "ACC-007",
        "ACC-008", "ACC-009", "ACC-010");
    for (String account : accounts) {
      String instance = AccountPlanProcessTest.startPlan(runtimeService, segmentation, plans, PLAN_YEAR, account)
          .getId();
      started.add(instance);
      Task draft = taskService.createTaskQuery().processInstanceBusinessKey(PLAN_YEAR + "-" + account)
          .taskDefinitionKey("draftAccountPlan").singleResult();
      String kam = draft.getAssignee();
      String plan = CycleForms.variables(CycleForms.goodPlan());
      // the KAM submits from two browser tabs
      List<Outcome> outcomes = race(() -> engineRest(kam, draft.getId(), "submit-form", plan),
          () -> engineRest(kam, draft.getId(), "submit-form", plan));
      assertThat(outcomes).as(account + ": " + outcomes).extracting(Outcome::status)
          .containsExactlyInAnyOrder(204, 409);
      assertThat(plans.versions(PLAN_YEAR, account)).as(account + ": one version recorded").hasSize(1);
      assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance)
          .activityId("checkPlanQuality").count()).as(account + ": checked once").isEqualTo(1);
    }
  }

  @Test
  void aTaskCompletedEarlierAnswers409WithAMessage() throws Exception {
    String taskId = openTask();
    assertThat(engineRest("alice", taskId, "complete").status()).isEqualTo(204);

    for (String endpoint : List.of("complete", "submit-form")) {
      Outcome again = engineRest("bruno", taskId, endpoint);
      assertThat(again.status()).as(again.body()).isEqualTo(409);
      JsonNode error = JSON.readTree(again.body());
      assertThat(error.get("type").asText()).isEqualTo("TaskConflictException");
      assertThat(error.get("message").asText()).contains(taskId, CONFLICT, "reload");
    }
    WebappSession bruno = tasklist("bruno");
    Outcome inTasklist = tasklistSubmit(bruno, "bruno", taskId);
    assertThat(inTasklist.status()).as(inTasklist.body()).isEqualTo(409);
    assertThat(JSON.readTree(inTasklist.body()).get("message").asText()).contains(CONFLICT);
    assertCompletedOnceBy("alice", taskId);
  }

  @Test
  void aTaskIdThatNeverExistedAnswers404() throws Exception {
    for (String endpoint : List.of("complete", "submit-form")) {
      Outcome unknown = engineRest("alice", "no-such-task", endpoint);
      assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
      assertThat(JSON.readTree(unknown.body()).get("message").asText())
          .contains("no-such-task", "no task with this id");
    }
    Outcome inTasklist = tasklistSubmit(tasklist("alice"), "alice", "no-such-task");
    assertThat(inTasklist.status()).as(inTasklist.body()).isEqualTo(404);
  }

  @Test
  void aCompletionThatFailsWhileItsTaskIsStillOpenKeepsCamundasAnswer() {
    String taskId = openTask();
    runtimeService.suspendProcessInstanceById(taskService.createTaskQuery().taskId(taskId).singleResult()
        .getProcessInstanceId());

    Outcome suspended = engineRest("alice", taskId, "complete");
    assertThat(suspended.status()).as(suspended.body()).isEqualTo(500);
    assertThat(suspended.body()).containsIgnoringCase("suspended").doesNotContain(CONFLICT);
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).as("the task is still open").isEqualTo(1);
  }

  private String openTask() {
    String instance = runtimeService.startProcessInstanceByKey(PROCESS).getId();
    started.add(instance);
    return taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();
  }

  private List<Outcome> race(Callable<Outcome> one, Callable<Outcome> other)
      throws Exception {
    CyclicBarrier start = new CyclicBarrier(2);
    Function<Callable<Outcome>, Future<Outcome>> run = call -> threads.submit(() -> {
      start.await();
      return call.call();
    });
    Future<Outcome> first = run.apply(one);
    Future<Outcome> second = run.apply(other);
    return List.of(first.get(60, TimeUnit.SECONDS), second.get(60, TimeUnit.SECONDS));
  }

  private void assertOneWonAndOneConflicted(List<Outcome> outcomes, String taskId) throws Exception {
    assertThat(outcomes).as(outcomes.toString()).extracting(Outcome::status).containsExactlyInAnyOrder(204, 409);
    Outcome lost = outcomes.stream().filter(o -> o.status() == 409).findFirst().orElseThrow();
    assertThat(JSON.readTree(lost.body()).get("message").asText()).contains(CONFLICT);
    String winner = outcomes.stream().filter(o -> o.status() == 204).findFirst().orElseThrow().user();
    assertCompletedOnceBy(winner, taskId);
  }

  /** The task ended once, its process went on once, and only the winner's variables were written. */
  private void assertCompletedOnceBy(String user, String taskId) {
    HistoricTaskInstance task = historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
    assertThat(task.getEndTime()).isNotNull();
    assertThat(task.getDeleteReason()).isEqualTo("completed");
    String instance = task.getProcessInstanceId();
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance).activityId("work")
        .count()).isEqualTo(1);
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).completed().count())
        .isEqualTo(1);
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance).list())
        .extracting(v -> v.getName() + "=" + v.getValue()).containsExactly("completedBy=" + user);
  }

  private Outcome engineRest(String user, String taskId, String endpoint) {
    return engineRest(user, taskId, endpoint, completedBy(user));
  }

  private Outcome engineRest(String user, String taskId, String endpoint, String variables) {
    var response = api.postJson(user, "/engine-rest/task/" + taskId + "/" + endpoint, variables, String.class);
    return new Outcome(user, response.getStatusCode().value(), response.getBody());
  }

  private WebappSession tasklist(String user) {
    WebappSession session = new WebappSession(port);
    assertThat(session.login(user, "demo", "tasklist")).isEqualTo(200);
    return session;
  }

  private static Outcome tasklistSubmit(WebappSession session, String user, String taskId) {
    var response = session.postJson("/api/engine/engine/default/task/" + taskId + "/submit-form", completedBy(user));
    return new Outcome(user, response.statusCode(), response.body());
  }

  private static String completedBy(String user) {
    return "{\"variables\":{\"completedBy\":{\"value\":\"" + user + "\"}}}";
  }
}
