package com.kap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kap.benchmark.BenchmarkSupport;
import com.kap.support.CycleForms;
import com.kap.support.KapJvm;
import com.kap.support.KapPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Crash recovery on PostgreSQL, the production database: KAP's packaged jar, started as an operator starts it, is
 * killed with SIGKILL while the fan-out of a cycle is starting its account plans; started again on the same database,
 * it is stopped as an operator stops it (SIGTERM) while the fan-out runs on, and started a third time it completes the
 * fan-out with exactly one plan per account and no incident. The killed JVM's jobs stay locked until their lock time
 * passes; the test shortens it to 20 s (the default is 5 minutes). The stopped JVM leaves no job locked.
 *
 * <p>It runs on PostgreSQL because only there is the outcome KAP's alone: H2's own crash recovery can lose data after
 * a SIGKILL (see docs/operations.md and {@code H2CrashBenchmark}, which stays outside CI).
 */
class CrashRecoveryIT {

  private static final int YEAR = 2035;
  private static final int ACCOUNTS = Integer.getInteger("kap.crash.accounts", 1_000);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dir;

  @Test
  void aCycleKilledAndStoppedDuringItsFanOutStartsExactlyOnePlanPerAccountAfterRestarts() throws Exception {
    try (EmbeddedPostgres server = KapPostgres.start()) {
      JdbcTemplate db = new JdbcTemplate(new SingleConnectionDataSource(KapPostgres.url(server), "kap",
          KapPostgres.PASSWORD, true));
      int accounts = ACCOUNTS + 24;
      long plansWhenKilled;
      KapJvm first = startKap(server, "first");
      try {
        assertThat(first.post("diane", "/api/portfolio/import", "text/csv",
            BenchmarkSupport.pyramidPortfolio("CRASH-", ACCOUNTS)).statusCode()).isEqualTo(200);
        JsonNode cycle = JSON.readTree(first.post("diane",
            "/engine-rest/process-definition/key/annualPlanningCycle/submit-form", "application/json",
            CycleForms.startForm(YEAR)).body());
        String cycleId = cycle.get("id").asText();
        await("the validation task").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
            .until(() -> db.queryForObject("select count(*) from act_ru_task where proc_inst_id_ = ?", Integer.class,
                cycleId) == 1);
        String validation = db.queryForObject("select id_ from act_ru_task where proc_inst_id_ = ?", String.class,
            cycleId);
        assertThat(first.post("diane", "/engine-rest/task/" + validation + "/submit-form", "application/json",
            "{\"variables\":{}}").statusCode()).isEqualTo(204);
        await("a fifth of the plans").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
            .until(() -> plans(db) >= accounts / 5);
      } finally {
        first.kill();
      }
      plansWhenKilled = plans(db);
      assertThat(plansWhenKilled).as("killed in the middle of the fan-out").isLessThan(accounts);

      long plansWhenStopped;
      KapJvm second = startKap(server, "second");
      try {
        await("another fifth of the plans").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
            .until(() -> plans(db) >= plansWhenKilled + accounts / 5);
        assertThat(second.stop()).as("second ended by itself after SIGTERM").isTrue();
      } finally {
        second.close();
      }
      plansWhenStopped = plans(db);
      assertThat(plansWhenStopped).as("stopped in the middle of the fan-out").isLessThan(accounts);
      assertStoppedCleanly(db, second);

      KapJvm third = startKap(server, "third");
      try {
        await("the third node to start every plan").atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200))
            .until(() -> plans(db) == accounts && dueJobs(db) == 0);
        assertThat(third.stop()).as("third ended by itself after SIGTERM").isTrue();
      } finally {
        third.close();
      }
      assertStoppedCleanly(db, third);

      assertThat(db.queryForObject("select count(*) from kap_account_plan where cycle_year = ?", Integer.class,
          YEAR)).isEqualTo(accounts);
      assertThat(db.queryForObject("select count(distinct account_id) from kap_account_plan where cycle_year = ?",
          Integer.class, YEAR)).isEqualTo(accounts);
      assertThat(db.queryForObject("select count(*) from act_ru_execution e join act_re_procdef d "
          + "on e.proc_def_id_ = d.id_ where d.key_ = 'accountPlan' and e.parent_id_ is null "
          + "and e.business_key_ like ?", Integer.class, YEAR + "-%")).as("one running accountPlan per account")
          .isEqualTo(accounts);
      assertThat(db.queryForObject("select count(*) from act_ru_incident", Integer.class)).as("incidents").isZero();
      assertThat(db.queryForObject("select count(*) from act_ru_job where retries_ = 0", Integer.class))
          .as("failed jobs").isZero();
      System.out.printf("CRASH RECOVERY (PostgreSQL): %d accounts, killed at %d plans, stopped at %d, completed to"
          + " %d after the restarts%n", accounts, plansWhenKilled, plansWhenStopped, accounts);
    }
  }

  /**
   * A stop (SIGTERM) lets the running jobs finish and hands back the jobs the node had locked but not started, before
   * the database closes: from the stop on no job fails and nothing is logged as an error, and the node holds no lock.
   */
  private static void assertStoppedCleanly(JdbcTemplate db, KapJvm node) throws Exception {
    List<String> log = Files.readAllLines(node.log());
    List<String> stopping = log.subList(indexOfFirst(log, "ionShutdownHook]"), log.size());
    assertThat(stopping).as("%s's log from its stop on", node.name())
        .anyMatch(line -> line.contains("Job executor stopped: "));
    assertThat(stopping.stream().filter(line -> line.contains(" ERROR ")
        || line.contains("Exception while executing job") && !line.contains("OptimisticLockingException")
        || line.contains("Exception while unaquiring job") || line.contains("still running jobs after")
        || line.contains("not stopped in order")))
        .as("errors in %s's log from its stop on", node.name()).isEmpty();
    assertThat(db.queryForObject("select count(*) from act_ru_job where lock_owner_ = ?", Integer.class,
        node.name())).as("jobs still locked by %s after its stop", node.name()).isZero();
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

  private KapJvm startKap(EmbeddedPostgres server, String node) throws Exception {
    Map<String, String> environment = new HashMap<>(KapPostgres.environment(server));
    environment.put("KAP_NODE_NAME", node);
    return KapJvm.start(dir, node, environment, "--spring.profiles.active=demo,postgres",
        "--camunda.bpm.job-execution.lock-time-in-millis=20000");
  }

  private static long plans(JdbcTemplate db) {
    return db.queryForObject("select count(*) from kap_account_plan where cycle_year = ?", Long.class, YEAR);
  }

  /** Jobs due now that are not yet done: the fan-out's, not the plans' reminder and deadline timers. */
  private static int dueJobs(JdbcTemplate db) {
    return db.queryForObject("select count(*) from act_ru_job where (duedate_ is null or duedate_ <= now()) "
        + "and retries_ > 0 and handler_type_ <> 'history-cleanup'", Integer.class);
  }
}
