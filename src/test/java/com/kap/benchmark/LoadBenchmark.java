package com.kap.benchmark;

import static com.kap.benchmark.BenchmarkSupport.report;
import static com.kap.benchmark.BenchmarkSupport.reportRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kap.platform.identity.Roles;
import com.kap.portfolio.PortfolioImportService;
import com.kap.support.KapTest;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.core.ConditionTimeoutException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Concurrent KAMs drafting plans through Camunda's REST API on loopback, as Tasklist does, while programme
 * directors approve them; then the same KAMs completing a one-user-task process's tasks on the bare engine:
 * {@code ./mvnw -Pbenchmark test -Dtest=LoadBenchmark} ({@code -Dkap.load.minutes=1 -Dkap.load.clients=50}).
 * Demo profile, job executor on, H2 in memory, client and server in one JVM.
 */
@KapTest
class LoadBenchmark {

  private static final int YEAR = 2097;
  private static final double MINUTES = Double.parseDouble(System.getProperty("kap.load.minutes", "5"));
  private static final double BARE_MINUTES = Double.parseDouble(System.getProperty("kap.load.bareMinutes", "1"));
  private static final int CLIENTS = Integer.getInteger("kap.load.clients", 50);
  /** At most 10: the approvers share the accounts by their number's last digit. */
  private static final int APPROVERS = Math.min(10, Integer.getInteger("kap.load.approvers",
      Math.max(1, CLIENTS / 10)));
  /** Enough drafts that no KAM runs out within the run: measured at about one plan a second per client. */
  private static final int PLANS_PER_CLIENT = Integer.getInteger("kap.load.plansPerClient", (int) (MINUTES * 90));
  private static final int BARE_TASKS_PER_CLIENT = Integer.getInteger("kap.load.bareTasksPerClient",
      (int) (BARE_MINUTES * 60 * 4));
  private static final String PASSWORD = "load";
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired PortfolioImportService importService;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired JdbcTemplate jdbc;

  /** When the first KAM found no draft left (System.nanoTime), or 0. */
  private final AtomicLong firstOutOfDrafts = new AtomicLong();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();

  @Test
  void concurrentKamsCompletingTasksOverRest() throws Exception {
    List<String> kams = createKams();
    int accounts = CLIENTS * PLANS_PER_CLIENT;
    importService.importCsv(portfolioOf(kams, accounts));
    startCycleAndAwaitDrafts(accounts);

    LoadRecorder kap = new LoadRecorder();
    AtomicLong draftsSent = new AtomicLong();
    AtomicLong approvalsSent = new AtomicLong();
    AtomicLong kamsOutOfDrafts = new AtomicLong();
    long kapStart = System.nanoTime();
    long kapNanos = runFor(MINUTES, deadline -> {
      List<Runnable> clients = new ArrayList<>();
      for (String kam : kams) {
        LoopbackClient client = client(kam, PASSWORD, kap);
        clients.add(() -> draftUntil(client, kam, deadline, draftsSent, kamsOutOfDrafts));
      }
      for (int i = 0; i < APPROVERS; i++) {
        LoopbackClient director = client("diane", "demo", kap);
        int approver = i;
        clients.add(() -> approveUntil(director, approver, deadline, approvalsSent));
      }
      return clients;
    });
    long versions = awaitRecorded(draftsSent.get(), () -> jdbc.queryForObject(
        "select count(*) from kap_plan_version where cycle_year = ?", Long.class, YEAR));
    long draftsInHistory = historyService.createHistoricTaskInstanceQuery().taskDefinitionKey("draftAccountPlan")
        .processInstanceBusinessKeyLike(YEAR + "-%").finished().count();
    long decisions = awaitRecorded(approvalsSent.get(), () -> jdbc.queryForObject(
        "select count(*) from kap_plan_version where cycle_year = ? and decision = 'approve'", Long.class, YEAR));
    long approvalsCounted = jdbc.queryForObject(
        "select count(*) from kap_account_plan where cycle_year = ? and status = 'APPROVED'", Long.class, YEAR);

    LoadRecorder bare = new LoadRecorder();
    AtomicLong bareSent = new AtomicLong();
    startBareInstances(kams);
    long bareNanos = runFor(BARE_MINUTES, deadline -> kams.stream()
        .map(kam -> (Runnable) () -> completeBareUntil(client(kam, PASSWORD, bare), kam, deadline, bareSent))
        .toList());
    long bareInHistory = historyService.createHistoricTaskInstanceQuery().processDefinitionKey("bareLoad")
        .finished().count();

    reportResults(kap, kapNanos, draftsSent.get(), versions, draftsInHistory, approvalsSent.get(), decisions,
        approvalsCounted, ranOutOfDrafts(kamsOutOfDrafts.get(), kapStart), bare, bareNanos, bareSent.get(), bareInHistory);
    assertThat(kap.serverErrors()).as("5xx from KAP").isZero();
    assertThat(bare.serverErrors()).as("5xx from the bare engine").isZero();
    assertThat(versions).as("plan versions recorded for the drafts sent").isEqualTo(draftsSent.get());
    assertThat(draftsInHistory).as("draft tasks completed in the history").isEqualTo(draftsSent.get());
    assertThat(decisions).as("approvals recorded").isEqualTo(approvalsSent.get());
    assertThat(approvalsCounted).as("plans approved").isEqualTo(approvalsSent.get());
    assertThat(bareInHistory).as("bare tasks completed in the history").isEqualTo(bareSent.get());
    assertThat(runtimeService.createIncidentQuery().count()).as("incidents").isZero();
  }

  private void draftUntil(LoopbackClient client, String kam, long deadline, AtomicLong sent, AtomicLong outOfDrafts) {
    String plan = goodPlan();
    call(() -> {
      while (System.nanoTime() < deadline) {
        JsonNode tasks = JSON.readTree(client.get("fetch draft", "/engine-rest/task?assignee=" + kam
            + "&taskDefinitionKey=draftAccountPlan&processInstanceBusinessKeyLike=" + YEAR + "-%25&maxResults=1")
            .body());
        if (tasks.isEmpty()) {
          outOfDrafts.incrementAndGet();
          firstOutOfDrafts.compareAndSet(0, System.nanoTime());
          return;
        }
        HttpResponse<String> submitted = client.postJson("submit draft", "/engine-rest/task/"
            + tasks.get(0).get("id").asText() + "/submit-form", plan);
        if (submitted.statusCode() == 204) {
          sent.incrementAndGet();
        }
      }
    });
  }

  /**
   * Approver i approves the plans of the accounts whose number ends in a digit d with d % approvers == i: two
   * directors completing the same task at once is not the load measured here (Camunda's REST API answers the loser
   * with a 500, see the README).
   */
  private void approveUntil(LoopbackClient client, int approver, long deadline, AtomicLong sent) {
    String approve = "{\"variables\":{\"decision\":{\"value\":\"approve\"}}}";
    call(() -> {
      while (System.nanoTime() < deadline) {
        boolean approvedAny = false;
        for (int digit = approver; digit < 10; digit += APPROVERS) {
          JsonNode tasks = JSON.readTree(client.get("fetch approval", "/engine-rest/task?taskDefinitionKey="
              + "approveAccountPlan&processInstanceBusinessKeyLike=" + YEAR + "-LOAD-%25" + digit + "&maxResults=1")
              .body());
          if (!tasks.isEmpty()) {
            HttpResponse<String> submitted = client.postJson("submit approval", "/engine-rest/task/"
                + tasks.get(0).get("id").asText() + "/submit-form", approve);
            if (submitted.statusCode() == 204) {
              sent.incrementAndGet();
              approvedAny = true;
            }
          }
        }
        if (!approvedAny) {
          Thread.sleep(100);
        }
      }
    });
  }

  private void completeBareUntil(LoopbackClient client, String kam, long deadline, AtomicLong sent) {
    call(() -> {
      while (System.nanoTime() < deadline) {
        JsonNode tasks = JSON.readTree(client.get("fetch bare task", "/engine-rest/task?assignee=" + kam
            + "&processDefinitionKey=bareLoad&maxResults=1").body());
        if (tasks.isEmpty()) {
          return;
        }
        HttpResponse<String> completed = client.postJson("complete bare task", "/engine-rest/task/"
            + tasks.get(0).get("id").asText() + "/complete", "{}");
        if (completed.statusCode() == 204) {
          sent.incrementAndGet();
        }
      }
    });
  }

  private List<String> createKams() {
    List<String> kams = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      String id = "loadkam" + i;
      User user = identityService.newUser(id);
      user.setFirstName("Load");
      user.setLastName("KAM " + i);
      user.setEmail(id + "@example.com");
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
      identityService.createMembership(id, Roles.KAM);
      kams.add(id);
    }
    return kams;
  }

  /** BenchmarkSupport's pyramid portfolio, with the accounts spread evenly over the load KAMs. */
  private static String portfolioOf(List<String> kams, int accounts) {
    String[] lines = BenchmarkSupport.pyramidPortfolio("LOAD-", accounts).split("\n");
    StringBuilder csv = new StringBuilder(lines[0]).append('\n');
    for (int i = 1; i < lines.length; i++) {
      String[] fields = lines[i].split(",", -1);
      fields[3] = kams.get((i - 1) % kams.size());
      csv.append(String.join(",", fields)).append('\n');
    }
    return csv.toString();
  }

  private void startCycleAndAwaitDrafts(int accounts) throws Exception {
    LoadRecorder setup = new LoadRecorder();
    LoopbackClient diane = client("diane", "demo", setup);
    HttpResponse<String> started = diane.postJson("start cycle",
        "/engine-rest/process-definition/key/annualPlanningCycle/submit-form", "{\"variables\":{\"year\":{\"value\":"
            + YEAR + "},\"planDeadline\":{\"value\":\"" + (YEAR - 1) + "-12-15\"},\"closingDate\":{\"value\":\""
            + YEAR + "-03-31\"}}}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String cycle = JSON.readTree(started.body()).get("id").asText();
    await("the validation task").atMost(Duration.ofHours(1)).pollInterval(Duration.ofMillis(250))
        .until(() -> taskService.createTaskQuery().processInstanceId(cycle).count() == 1);
    String validation = taskService.createTaskQuery().processInstanceId(cycle).singleResult().getId();
    HttpResponse<String> validated = diane.postJson("validate", "/engine-rest/task/" + validation + "/submit-form",
        "{\"variables\":{}}");
    assertThat(validated.statusCode()).as(validated.body()).isEqualTo(204);
    long plans = jdbc.queryForObject("select count(*) from kap_account_segment where cycle_year = ?", Long.class, YEAR);
    assertThat(plans).isGreaterThanOrEqualTo(accounts);
    await(plans + " plans to draft").atMost(Duration.ofHours(1)).pollInterval(Duration.ofMillis(250))
        .until(() -> taskService.createTaskQuery().taskDefinitionKey("draftAccountPlan")
            .processInstanceBusinessKeyLike(YEAR + "-%").count() == plans);
  }

  private void startBareInstances(List<String> kams) {
    repositoryService.createDeployment().addModelInstance("bareLoad.bpmn", Bpmn.createExecutableProcess("bareLoad")
        .camundaHistoryTimeToLive(1).startEvent().userTask("work").camundaAssignee("${assignee}").endEvent().done())
        .deploy();
    for (int i = 0; i < BARE_TASKS_PER_CLIENT; i++) {
      for (String kam : kams) {
        runtimeService.startProcessInstanceByKey("bareLoad", java.util.Map.of("assignee", kam));
      }
    }
  }

  /** Runs the clients built for the deadline, each on its own thread, and returns how long they ran. */
  private static long runFor(double minutes, java.util.function.LongFunction<List<Runnable>> clientsUntil)
      throws Exception {
    long start = System.nanoTime();
    List<Runnable> clients = clientsUntil.apply(start + (long) (minutes * 60e9));
    ExecutorService threads = Executors.newFixedThreadPool(clients.size());
    List<Future<?>> running = clients.stream().map(threads::submit).collect(java.util.stream.Collectors.toList());
    for (Future<?> client : running) {
      client.get();
    }
    threads.shutdown();
    return System.nanoTime() - start;
  }

  /** Waits (two minutes at most) until the count reaches what was sent; returns the count, short of it or not. */
  private static long awaitRecorded(long sent, java.util.function.LongSupplier count) {
    try {
      return await("the count to reach " + sent).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
          .until(count::getAsLong, recorded -> recorded >= sent);
    } catch (ConditionTimeoutException shortOfSent) {
      return count.getAsLong(); // the caller reports and asserts how many are missing
    }
  }

  private LoopbackClient client(String user, String password, LoadRecorder recorder) {
    return new LoopbackClient(http, "http://127.0.0.1:" + port, user, password, recorder);
  }

  private void reportResults(LoadRecorder kap, long kapNanos, long draftsSent, long versions, long draftsInHistory,
      long approvalsSent, long decisions, long approvalsCounted, String ranOutOfDrafts, LoadRecorder bare,
      long bareNanos, long bareSent, long bareInHistory) throws Exception {
    double kapSeconds = kapNanos / 1e9;
    double bareSeconds = bareNanos / 1e9;
    report("", "Load: " + CLIENTS + " KAM clients and " + APPROVERS + " approvers over HTTP on loopback for "
        + String.format("%.1f s", kapSeconds) + ", then the KAMs on the bare engine for "
        + String.format("%.1f s", bareSeconds) + " (" + Runtime.getRuntime().availableProcessors() + " cores)", "",
        "| what | result |", "|---|---|");
    reportRow("KAP: drafts submitted (204)", draftsSent + String.format(" — %.1f per second", draftsSent / kapSeconds)
        + "; recorded: " + versions + " plan versions, " + draftsInHistory + " completed draft tasks in the history"
        + ranOutOfDrafts);
    reportRow("KAP: approvals submitted (204)", approvalsSent + String.format(" — %.1f per second",
        approvalsSent / kapSeconds) + "; recorded: " + decisions + " decisions, " + approvalsCounted
        + " plans approved");
    reportRow("KAP: submit draft (" + kap.count("submit draft") + ")", kap.percentiles("submit draft"));
    reportRow("KAP: fetch draft (" + kap.count("fetch draft") + ")", kap.percentiles("fetch draft"));
    reportRow("KAP: submit approval (" + kap.count("submit approval") + ")", kap.percentiles("submit approval"));
    reportRow("KAP: fetch approval (" + kap.count("fetch approval") + ")", kap.percentiles("fetch approval"));
    reportRow("KAP: 5xx / 4xx", kap.serverErrors() + " / " + kap.clientErrors());
    kap.refusals().forEach((reason, count) -> reportRowUnchecked("KAP refused: " + reason, String.valueOf(count)));
    reportRow("KAP: failed jobs / incidents after the run", managementService.createJobQuery().withException().count()
        + " / " + runtimeService.createIncidentQuery().count());
    reportRow("Bare engine: tasks completed (204)", bareSent + String.format(" — %.1f per second",
        bareSent / bareSeconds) + "; recorded: " + bareInHistory + " in the history");
    reportRow("Bare engine: complete task (" + bare.count("complete bare task") + ")",
        bare.percentiles("complete bare task"));
    reportRow("Bare engine: fetch task (" + bare.count("fetch bare task") + ")", bare.percentiles("fetch bare task"));
    reportRow("Bare engine: 5xx / 4xx", bare.serverErrors() + " / " + bare.clientErrors());
    bare.refusals().forEach((reason, count) -> reportRowUnchecked("Bare refused: " + reason, String.valueOf(count)));
  }

  /** Whether the run was short of drafts: then fewer clients were loading KAP towards its end. */
  private String ranOutOfDrafts(long kams, long kapStart) {
    return kams == 0 ? "" : String.format("; %d KAMs ran out of drafts before the end, the first after %.1f s", kams,
        (firstOutOfDrafts.get() - kapStart) / 1e9);
  }

  private static void reportRowUnchecked(String what, String result) {
    call(() -> reportRow(what, result));
  }

  /** CycleOverRestTest's valid plan: every field filled, a value objective, an action, a risk, a training need. */
  private static String goodPlan() {
    return "{\"variables\":{\"customerSituation\":{\"value\":\"Consolidating suppliers\"},"
        + "\"customerStrategy\":{\"value\":\"Outcome-based contracts\"},\"strengths\":{\"value\":\"Reliability\"},"
        + "\"vulnerabilities\":{\"value\":\"Price\"},\"strategies\":{\"value\":\"Value pricing\"},"
        + "\"sponsorTouchpoints\":{\"value\":\"Quarterly top-to-top\"},"
        + json("objectives", "[{\"type\":\"profitability\",\"description\":\"Lift margin\",\"metric\":\"GM\","
            + "\"baseline\":\"24%\",\"target\":\"27%\",\"dueDate\":\"" + YEAR + "-12-31\"}]") + ","
        + json("actions", "[{\"action\":\"Pricing workshop\",\"owner\":\"diane\",\"dueDate\":\"" + YEAR + "-03-31\"}]")
        + "," + json("risks", "[{\"risk\":\"Competitor\",\"likelihood\":\"medium\"}]") + ","
        + json("trainingNeeds", "[{\"forWhom\":\"kam\",\"need\":\"Value selling\"}]") + ","
        + json("stakeholders", com.kap.support.CycleForms.STAKEHOLDERS) + "}}";
  }

  private static String json(String name, String value) {
    return "\"" + name + "\":{\"type\":\"Json\",\"value\":\"" + value.replace("\\", "\\\\").replace("\"", "\\\"")
        + "\"}";
  }

  private interface Call {
    void run() throws Exception;
  }

  /** Runs a client's loop; a failure (an I/O error, a refused connection) fails the benchmark. */
  private static void call(Call call) {
    try {
      call.run();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
