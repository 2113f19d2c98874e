package com.kap.benchmark;

import static com.kap.benchmark.BenchmarkSupport.report;
import static com.kap.benchmark.BenchmarkSupport.reportRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kap.support.CycleForms;
import com.kap.support.KapJvm;
import com.kap.support.KapPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

/**
 * KAP against the bare engine, per account, with KAP's packaged jar as users run it: on H2 (one node), on PostgreSQL
 * with one node and with two nodes sharing the database. In each setting, on the same nodes and database, the bare
 * engine starts a one-user-task process per account over REST and completes its tasks; then KAP runs a planning
 * cycle for the same number of accounts: the fan-out (jobs, spread over the nodes) and every draft, sponsor review and
 * approval over REST until the cycle reaches its training plan. The same REST clients, round-robin over the nodes.
 * A first bare round warms up the fresh JVMs; KAP's own code then still runs cold at first, to its cost.
 * {@code ./mvnw -q package -DskipTests && ./mvnw -Pbenchmark test -Dtest=NodesBenchmark}
 * ({@code -Dkap.nodes.accounts=1000 -Dkap.nodes.clients=16 -Dkap.nodes.settings=h2,postgres1,postgres2}).
 */
class NodesBenchmark {

  private static final int ACCOUNTS = Integer.getInteger("kap.nodes.accounts", 1_000);
  /** KAP's nodes compile with both compilers, as users run it, not with C1 only as the tests' nodes do. */
  private static final boolean C1_ONLY = false;
  private static final int CLIENTS = Integer.getInteger("kap.nodes.clients", 16);
  /** Which settings to run: h2, postgres1 (one node), postgres2 (two nodes). */
  private static final List<String> SETTINGS = List.of(System.getProperty("kap.nodes.settings",
      "h2,postgres1,postgres2").replace(" ", "").split(","));
  private static final int YEAR = 2036;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void kapAgainstTheBareEnginePerAccount() throws Exception {
    report("", "Per account, " + ACCOUNTS + " accounts (+ 24 demo), " + CLIENTS + " REST clients, "
        + Runtime.getRuntime().availableProcessors() + " cores, KAP's packaged jar (-Xmx2g per node)", "",
        "| setting | bare: start an instance | bare: complete its task | KAP: fan-out | KAP: tasks until the "
            + "cycle ends | KAP per task | KAP ÷ bare, per task | fan-out chunks per node | 5xx | 4xx |",
        "|---|---|---|---|---|---|---|---|---|---|");
    Path dir = Files.createTempDirectory("kap-nodes");
    if (SETTINGS.contains("h2")) {
      try (Nodes h2 = Nodes.h2(dir.resolve("h2"))) {
        measure("H2, one node", h2);
      }
    }
    for (int nodes = 1; nodes <= 2; nodes++) {
      if (SETTINGS.contains("postgres" + nodes)) {
        try (EmbeddedPostgres server = KapPostgres.start();
            Nodes cluster = Nodes.postgres(dir.resolve("postgres" + nodes), server, nodes)) {
          measure("PostgreSQL, " + (nodes == 1 ? "one node" : "two nodes"), cluster);
        }
      }
    }
  }

  private void measure(String setting, Nodes nodes) throws Exception {
    LoadRecorder recorder = new LoadRecorder();
    deployBareProcess(nodes.first());
    // fresh JVMs: a first round warms the REST and engine code both sides share
    LoadRecorder warmUp = new LoadRecorder();
    run(nodes, bareStarts("warm-up-", ACCOUNTS / 5), warmUp);
    run(nodes, completions(nodes.first(), "processDefinitionKey=barePlan"), warmUp);

    double bareStart = run(nodes, bareStarts("bare-", ACCOUNTS), recorder);
    double bareComplete = run(nodes, completions(nodes.first(), "processDefinitionKey=barePlan"), recorder);

    assertThat(nodes.first().post("diane", "/api/portfolio/import", "text/csv",
        BenchmarkSupport.pyramidPortfolio("NODES-", ACCOUNTS)).statusCode()).isEqualTo(200);
    String cycle = JSON.readTree(nodes.first().post("diane",
        "/engine-rest/process-definition/key/annualPlanningCycle/submit-form", "application/json",
        CycleForms.startForm(YEAR)).body()).get("id").asText();
    await("the validation task").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
        .until(() -> !tasks(nodes.first(), "processInstanceId=" + cycle).isEmpty());
    String validation = tasks(nodes.first(), "processInstanceId=" + cycle).get(0).get("id").asText();
    int plans = ACCOUNTS + 24;
    long fanOutStart = System.nanoTime();
    assertThat(nodes.first().post("diane", "/engine-rest/task/" + validation + "/submit-form", "application/json",
        "{\"variables\":{}}").statusCode()).isEqualTo(204);
    await(plans + " plans").atMost(Duration.ofHours(1)).pollInterval(Duration.ofMillis(200))
        .until(() -> dashboard(nodes.first()).get("plans").asInt() == plans);
    double fanOut = (System.nanoTime() - fanOutStart) / 1e6;

    long workStart = System.nanoTime();
    int tasksDone = 0;
    List<Call> round;
    while (!(round = completions(nodes.first(),
        "processDefinitionKey=accountPlan&processInstanceBusinessKeyLike=" + YEAR + "-%25")).isEmpty()) {
      tasksDone += round.size();
      assertThat(tasksDone).as("tasks done; refused: %s", recorder.refusals()).isLessThanOrEqualTo(4 * plans);
      run(nodes, round, recorder);
    }
    await("the cycle's training plan").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
        .until(() -> !tasks(nodes.first(), "taskDefinitionKey=consolidateTrainingPlan&processInstanceId=" + cycle)
            .isEmpty());
    assertThat(tasks(nodes.first(), "processInstanceId=" + cycle)).as("the cycle ended its planning once").hasSize(1);
    double work = (System.nanoTime() - workStart) / 1e6;
    assertThat(dashboard(nodes.first()).get("approved").asInt()).isEqualTo(plans);

    reportRow(setting, String.format("%.2f ms | %.2f ms | %.2f ms (%.1f×) | %.2f ms (%.1f tasks) | %.2f ms | %.1f× "
            + "| %s | %d | %d", bareStart / ACCOUNTS, bareComplete / ACCOUNTS, fanOut / plans,
        (fanOut / plans) / (bareStart / ACCOUNTS), work / plans, tasksDone / (double) plans, work / tasksDone,
        (work / tasksDone) / (bareComplete / ACCOUNTS), nodes.first().fanOutChunksPerNode(), recorder.serverErrors(),
        recorder.clientErrors()));
    for (String operation : List.of("draftAccountPlan", "reviewPlanAsSponsor", "approveAccountPlan", "bare start",
        "bare complete")) {
      report("Latency in \"" + setting + "\", " + operation + " (" + recorder.count(operation) + "): "
          + recorder.percentiles(operation));
    }
    if (!recorder.refusals().isEmpty()) {
      report("Refusals in \"" + setting + "\": " + recorder.refusals());
    }
    assertThat(recorder.serverErrors() + warmUp.serverErrors()).as("5xx answers").isZero();
  }

  private static List<Call> bareStarts(String prefix, int count) {
    List<Call> starts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String body = "{\"businessKey\":\"" + prefix + i + "\"}";
      starts.add(new Call("bare start", node -> node.post("admin",
          "/engine-rest/process-definition/key/barePlan/start", "application/json", body)));
    }
    return starts;
  }

  /** The open tasks the query finds, each completed by the user it is for, with what that user submits. */
  private List<Call> completions(KapJvm node, String query) throws Exception {
    List<Call> calls = new ArrayList<>();
    for (JsonNode task : tasks(node, query)) {
      String path = "/engine-rest/task/" + task.get("id").asText();
      String key = task.get("taskDefinitionKey").asText();
      if (key.equals("work")) {
        calls.add(new Call("bare complete", n -> n.post("admin", path + "/complete", "application/json", "{}")));
        continue;
      }
      String user = switch (key) {
        case "draftAccountPlan" -> task.get("assignee").asText();
        case "reviewPlanAsSponsor" -> "gilles";
        default -> "diane";
      };
      String body = CycleForms.variables(switch (key) {
        case "draftAccountPlan" -> CycleForms.goodPlan();
        case "reviewPlanAsSponsor" -> "\"sponsorComments\":{\"value\":\"Agreed\"}";
        default -> "\"decision\":{\"value\":\"approve\"}";
      });
      calls.add(new Call(key, n -> n.post(user, path + "/submit-form", "application/json", body)));
    }
    return calls;
  }

  /** Every open task the query finds, a thousand per page (KAP's query limit). */
  private static List<JsonNode> tasks(KapJvm node, String query) throws Exception {
    List<JsonNode> tasks = new ArrayList<>();
    for (int first = 0; ; first += 1000) {
      JsonNode page = node.getJson("admin", "/engine-rest/task?" + query + "&firstResult=" + first
          + "&maxResults=1000");
      page.forEach(tasks::add);
      if (page.size() < 1000) {
        return tasks;
      }
    }
  }

  private static JsonNode dashboard(KapJvm node) throws Exception {
    return node.getJson("diane", "/api/programme/" + YEAR + "/dashboard");
  }

  /** Runs the calls on the clients, round-robin over the nodes; the wall time in ms. */
  private static double run(Nodes nodes, List<Call> calls, LoadRecorder recorder)
      throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    AtomicInteger next = new AtomicInteger();
    long start = System.nanoTime();
    try {
      List<Future<?>> done = new ArrayList<>();
      for (Call call : calls) {
        KapJvm node = nodes.all().get(next.getAndIncrement() % nodes.all().size());
        done.add(clients.submit(() -> {
          long t0 = System.nanoTime();
          HttpResponse<String> response = call.request().on(node);
          recorder.record(call.operation(), System.nanoTime() - t0, response.statusCode(), response.body());
          return null;
        }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      clients.shutdown();
    }
    return (System.nanoTime() - start) / 1e6;
  }

  private static void deployBareProcess(KapJvm node) throws Exception {
    String bpmn = Bpmn.convertToString(Bpmn.createExecutableProcess("barePlan").camundaHistoryTimeToLive(730)
        .startEvent().userTask("work").camundaAssignee("alice").endEvent().done());
    String boundary = "bare-" + System.nanoTime();
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nbare\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"barePlan.bpmn\"\r\n"
        + "Content-Type: application/xml\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
    assertThat(node.post("admin", "/engine-rest/deployment/create", "multipart/form-data; boundary=" + boundary,
        body).statusCode()).isEqualTo(200);
  }

  /** One REST request, sent to whichever node the client's turn gives it, recorded under its operation. */
  private record Call(String operation, Request request) {}

  @FunctionalInterface
  private interface Request {
    HttpResponse<String> on(KapJvm node) throws Exception;
  }

  /** The nodes of one setting, started one after the other on one database, stopped together. */
  private record Nodes(List<KapJvm> all) implements AutoCloseable {

    static Nodes h2(Path dir) throws Exception {
      Files.createDirectories(dir);
      return new Nodes(List.of(KapJvm.start(dir, "node-1", Map.of("KAP_NODE_NAME", "node-1"),
          C1_ONLY, "--spring.profiles.active=demo", "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("kap"))));
    }

    static Nodes postgres(Path dir, EmbeddedPostgres server, int count) throws Exception {
      Files.createDirectories(dir);
      List<KapJvm> nodes = new ArrayList<>();
      try {
        for (int i = 1; i <= count; i++) {
          Map<String, String> environment = new HashMap<>(KapPostgres.environment(server));
          environment.put("KAP_NODE_NAME", "node-" + i);
          nodes.add(KapJvm.start(dir, "node-" + i, environment, C1_ONLY,
              "--spring.profiles.active=demo,postgres"));
        }
      } catch (Exception | AssertionError failed) {
        new Nodes(nodes).close();
        throw failed;
      }
      return new Nodes(List.copyOf(nodes));
    }

    KapJvm first() {
      return all.get(0);
    }

    @Override
    public void close() throws Exception {
      for (KapJvm node : all) {
        node.stop();
      }
    }
  }
}
