package com.kap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kap.benchmark.BenchmarkSupport;
import com.kap.support.KapJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash recovery on the H2 default: KAP's packaged jar, started as a user starts it, is killed with SIGKILL while
 * the fan-out of a large cycle is starting its account plans; started again on the same database, it is stopped as
 * an operator stops it (SIGTERM) while the fan-out runs on, and started a third time it completes the fan-out with
 * exactly one plan per account and no incident. The killed JVM's jobs stay locked until their lock time passes; the
 * test shortens it to 20 s (the default is 5 minutes) so that it runs in CI. The stopped JVM leaves no job locked.
 */
class CrashRecoveryIT {

  private static final int YEAR = 2035;
  private static final int ACCOUNTS = Integer.getInteger("kap.crash.accounts", 10_000);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path data;

  @Test
  void aCycleKilledAndStoppedDuringItsFanOutStartsExactlyOnePlanPerAccountAfterRestarts() throws Exception {
    int accounts;
    long plansWhenKilled;
    KapJvm first = startKap("first");
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

    long plansWhenStopped;
    KapJvm second = startKap("second");
    try {
      plansWhenStopped = awaitPlans(second, plans -> plans >= plansWhenKilled + accounts / 5, Duration.ofMinutes(5));
      assertThat(second.stop()).as("second ended by itself after SIGTERM").isTrue();
    } finally {
      second.close();
    }
    assertThat(plansWhenStopped).as("stopped in the middle of the fan-out").isLessThan(accounts);
    assertStoppedCleanly(second);

    KapJvm third = startKap("third");
    try {
      awaitPlans(third, plans -> plans == accounts, Duration.ofMinutes(10));
      assertThat(third.stop()).as("third ended by itself after SIGTERM").isTrue();
    } finally {
      third.close();
    }
    assertStoppedCleanly(third);

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
    System.out.printf("CRASH RECOVERY: %d accounts, killed at %d plans, stopped at %d, completed to %d after the"
        + " restarts; H2 file %d MiB%n", accounts, plansWhenKilled, plansWhenStopped, accounts,
        Files.size(data.resolve("kap.mv.db")) >> 20);
  }

  /**
   * A stop (SIGTERM) lets the running jobs finish and hands back the jobs the node had locked but not started, before
   * the database closes: from the stop on no job fails and nothing is logged as an error, the node holds no lock, and
   * the database opens.
   */
  private void assertStoppedCleanly(KapJvm node) throws Exception {
    List<String> log = Files.readAllLines(node.log());
    List<String> stopping = log.subList(indexOfFirst(log, "ionShutdownHook]"), log.size());
    assertThat(stopping).as("%s's log from its stop on", node.name())
        .anyMatch(line -> line.contains("Job executor stopped: "));
    assertThat(stopping.stream().filter(line -> line.contains(" ERROR ") || line.contains("Database is already closed")
        || line.contains("Exception while executing job") && !line.contains("OptimisticLockingException")
        || line.contains("Exception while unaquiring job") || line.contains("still running jobs after")
        || line.contains("not stopped in order")))
        .as("errors in %s's log from its stop on", node.name()).isEmpty();
    try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("kap"), "sa", "");
        Statement sql = db.createStatement()) {
      assertThat(count(sql, "select count(*) from act_ru_job where lock_owner_ = '" + node.name() + "'"))
          .as("jobs still locked by %s after its stop", node.name()).isZero();
    }
  }

  /** Where the JVM's shutdown began: the first line of Spring's shutdown hook thread. */
  private static int indexOfFirst(List<String> log, String marker) {
    for (int i = 0; i < log.size(); i++) {
      if (log.get(i).contains(marker)) {
        return i;
      }
    }
    throw new AssertionError("no line with " + marker + ": the JVM did not stop through Spring");
  }

  private KapJvm startKap(String node) throws Exception {
    return KapJvm.start(data, node, Map.of("KAP_NODE_NAME", node), "--spring.profiles.active=demo",
        "--spring.datasource.url=jdbc:h2:file:" + data.resolve("kap"),
        "--camunda.bpm.job-execution.lock-time-in-millis=20000");
  }

  private String awaitValidationTask(KapJvm kap, String cycleInstance) throws Exception {
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

  private long awaitPlans(KapJvm kap, LongPredicate done, Duration limit) throws Exception {
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

  private JsonNode dashboard(KapJvm kap) throws Exception {
    return JSON.readTree(kap.get("diane", "/api/programme/" + YEAR + "/dashboard").body());
  }

  private static long count(Statement sql, String query) throws Exception {
    try (ResultSet result = sql.executeQuery(query)) {
      result.next();
      return result.getLong(1);
    }
  }
}
