package com.kap;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kap.benchmark.BenchmarkSupport;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;

/**
 * Crash recovery on the H2 default: KAP's packaged jar, started as a user starts it, is killed with SIGKILL while
 * the fan-out of a large cycle is starting its account plans; started again on the same database, it completes the
 * fan-out with exactly one plan per account and no incident. The killed JVM's jobs stay locked until their lock
 * time passes; the test shortens it to 20 s (the default is 5 minutes) so that it runs in CI.
 */
class CrashRecoveryIT {

  private static final int YEAR = 2035;
  private static final int ACCOUNTS = Integer.getInteger("kap.crash.accounts", 10_000);
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aCycleKilledDuringItsFanOutStartsExactlyOnePlanPerAccountAfterARestart() throws Exception {
    Path data = Files.createTempDirectory("kap-crash");
    int accounts;
    long plansWhenKilled;
    Kap first = Kap.start(data);
    try {
      assertThat(first.post("diane", "/api/portfolio/import", "text/csv",
          BenchmarkSupport.pyramidPortfolio("CRASH-", ACCOUNTS)).statusCode()).isEqualTo(200);
      JsonNode cycle = JSON.readTree(first.post("diane",
          "/engine-rest/process-definition/key/annualPlanningCycle/submit-form", "application/json",
          "{\"variables\":{\"year\":{\"value\":" + YEAR + "},\"planDeadline\":{\"value\":\"" + (YEAR - 1)
              + "-12-15\"},\"closingDate\":{\"value\":\"" + YEAR + "-03-31\"}}}").body());
      String validation = awaitValidationTask(first, cycle.get("id").asText());
      assertThat(first.post("diane", "/engine-rest/task/" + validation + "/submit-form", "application/json",
          "{\"variables\":{}}").statusCode()).isEqualTo(204);
      accounts = dashboard(first).get("accounts").asInt();
      assertThat(accounts).isEqualTo(ACCOUNTS + 24);

      plansWhenKilled = awaitPlans(first, plans -> plans >= accounts / 5, Duration.ofMinutes(5));
    } finally {
      first.kill();
    }
    assertThat(plansWhenKilled).as("killed in the middle of the fan-out").isLessThan(accounts);

    Kap second = Kap.start(data);
    try {
      awaitPlans(second, plans -> plans == accounts, Duration.ofMinutes(10));
    } finally {
      second.stop();
    }

    try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("kap"), "sa", "");
        Statement sql = db.createStatement()) {
      assertThat(count(sql, "select count(*) from kap_account_plan where cycle_year = " + YEAR)).isEqualTo(accounts);
      assertThat(count(sql, "select count(distinct account_id) from kap_account_plan where cycle_year = " + YEAR))
          .isEqualTo(accounts);
      assertThat(count(sql, "select count(*) from act_ru_execution e join act_re_procdef d on e.proc_def_id_ = d.id_"
          + " where d.key_ = 'accountPlan' and e.parent_id_ is null and e.business_key_ like '" + YEAR + "-%'"))
          .as("one running accountPlan instance per account").isEqualTo(accounts);
      assertThat(count(sql, "select count(*) from act_ru_incident")).as("incidents").isZero();
      assertThat(count(sql, "select count(*) from act_ru_job where retries_ = 0")).as("failed jobs").isZero();
    }
    System.out.printf("CRASH RECOVERY: %d accounts, killed at %d plans, completed to %d after the restart%n",
        accounts, plansWhenKilled, accounts);
  }

  private String awaitValidationTask(Kap kap, String cycleInstance) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (Instant.now().isBefore(deadline)) {
      JsonNode tasks = JSON.readTree(kap.get("diane", "/engine-rest/task?maxResults=10&processInstanceId="
          + cycleInstance).body());
      if (tasks.size() > 0) {
        return tasks.get(0).get("id").asText();
      }
      Thread.sleep(500);
    }
    throw new AssertionError("no validation task within 2 minutes");
  }

  private long awaitPlans(Kap kap, LongPredicate done, Duration limit) throws Exception {
    Instant deadline = Instant.now().plus(limit);
    long plans = -1;
    while (Instant.now().isBefore(deadline)) {
      plans = dashboard(kap).get("plans").asLong();
      if (done.test(plans)) {
        return plans;
      }
      Thread.sleep(300);
    }
    throw new AssertionError("plans stopped at " + plans + " after " + limit);
  }

  private JsonNode dashboard(Kap kap) throws Exception {
    return JSON.readTree(kap.get("diane", "/api/programme/" + YEAR + "/dashboard").body());
  }

  private static long count(Statement sql, String query) throws Exception {
    try (ResultSet result = sql.executeQuery(query)) {
      result.next();
      return result.getLong(1);
    }
  }

  /** KAP's packaged jar in a JVM of its own, with the demo profile, on an H2 file database in {@code data}. */
  private record Kap(Process process, int port, HttpClient http) {

    static Kap start(Path data) throws Exception {
      int port;
      try (ServerSocket free = new ServerSocket(0)) {
        port = free.getLocalPort();
      }
      String java = ProcessHandle.current().info().command().orElse("java");
      List<String> command = new ArrayList<>(List.of(java, "-Xmx2g", "-jar", jar().toString(),
          "--spring.profiles.active=demo", "--server.port=" + port,
          "--spring.datasource.url=jdbc:h2:file:" + data.resolve("kap"),
          "--kap.notifications.outbox=" + data.resolve("outbox"),
          "--camunda.bpm.job-execution.lock-time-in-millis=20000"));
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("kap.log").toFile())).start();
      Kap kap = new Kap(process, port, HttpClient.newHttpClient());
      kap.awaitUp();
      return kap;
    }

    private static Path jar() throws IOException {
      try (var files = Files.list(Path.of("target"))) {
        return files.filter(f -> f.getFileName().toString().matches("kap-.*\\.jar")).findFirst()
            .orElseThrow(() -> new IllegalStateException("no KAP jar in target/: run ./mvnw verify (package first)"));
      }
    }

    private void awaitUp() throws Exception {
      Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
      while (Instant.now().isBefore(deadline) && process.isAlive()) {
        try {
          if (get(null, "/actuator/health").statusCode() == 200) {
            return;
          }
        } catch (IOException notYet) {
          // the port opens once the application has started
        }
        Thread.sleep(500);
      }
      throw new AssertionError("KAP did not start within 3 minutes (log: its data folder's kap.log)");
    }

    HttpResponse<String> get(String user, String path) throws Exception {
      return http.send(request(user, path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String user, String path, String contentType, String body) throws Exception {
      return http.send(request(user, path).header("Content-Type", contentType)
          .POST(HttpRequest.BodyPublishers.ofString(body, UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String user, String path) {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .header("Accept", "application/json");
      if (user != null) {
        request.header("Authorization", "Basic "
            + Base64.getEncoder().encodeToString((user + ":demo").getBytes(UTF_8)));
      }
      return request;
    }

    /** SIGKILL: no shutdown hook, no job executor stop, no transaction finishes. */
    void kill() throws InterruptedException {
      process.destroyForcibly();
      process.waitFor();
    }

    void stop() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
        kill();
      }
    }
  }
}
