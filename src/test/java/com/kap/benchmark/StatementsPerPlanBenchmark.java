package com.kap.benchmark;

import static com.kap.benchmark.BenchmarkSupport.report;
import static org.assertj.core.api.Assertions.assertThat;

import com.kap.planning.AccountPlanProcessTest;
import com.kap.planning.AccountPlanRepository;
import com.kap.portfolio.AccountRepository;
import com.kap.portfolio.PortfolioSegmentation;
import com.kap.support.AsUser;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Database statements per account plan, from its start by the cycle's fan-out through the KAM's draft (and the
 * sponsor's review where the segment asks for it) to the programme director's approval, counted by H2's query
 * statistics over the demo portfolio's 24 accounts in several years. Run once per setting to compare, e.g.
 * {@code ./mvnw -Pbenchmark test -Dtest=StatementsPerPlanBenchmark} and again with
 * {@code -Dcamunda.bpm.history-level=audit}, {@code =activity}, {@code =none}, or
 * {@code -Dcamunda.bpm.generic-properties.properties.historyRemovalTimeStrategy=start}.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:kap-statements;DB_CLOSE_DELAY=-1",
    "kap.notifications.outbox=target/benchmark-outbox", "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("demo")
class StatementsPerPlanBenchmark {

  private static final int YEARS = Integer.getInteger("kap.benchmark.years", 8);

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired PortfolioSegmentation segmentation;
  @Autowired AccountPlanRepository plans;
  @Autowired AccountRepository accounts;
  @Autowired JdbcTemplate jdbc;
  @Autowired ProcessEngineConfigurationImpl engine;

  @Test
  void statementsPerAccountPlan() throws IOException {
    List<String> accountIds = accounts.findAll().stream().map(a -> a.accountId()).toList();
    runPlans(2200, accountIds); // warm-up: caches, first-time inserts of definitions
    jdbc.execute("SET QUERY_STATISTICS_MAX_ENTRIES 100000");
    jdbc.execute("SET QUERY_STATISTICS TRUE");
    int planned = 0;
    for (int year = 2201; year <= 2200 + YEARS; year++) {
      planned += runPlans(year, accountIds);
    }
    int count = planned;
    Map<String, Long> byKind = new TreeMap<>();
    for (Map<String, Object> row : jdbc.queryForList(
        "select sql_statement, execution_count from information_schema.query_statistics")) {
      String sql = ((String) row.get("SQL_STATEMENT")).trim().toLowerCase();
      if (sql.contains("information_schema") || sql.startsWith("set ")) {
        continue;
      }
      String kind = sql.split("\\s+")[0];
      byKind.merge(kind, ((Number) row.get("EXECUTION_COUNT")).longValue(), Long::sum);
    }
    jdbc.execute("SET QUERY_STATISTICS FALSE");
    long total = byKind.values().stream().mapToLong(Long::longValue).sum();
    assertThat(count).isEqualTo(YEARS * accountIds.size());
    String setting = "history level " + engine.getHistoryLevel().getName() + ", removal time "
        + engine.getHistoryRemovalTimeStrategy();
    StringBuilder kinds = new StringBuilder();
    byKind.forEach((kind, n) -> kinds.append(kind).append(' ').append(String.format("%.1f", n / (double) count))
        .append(", "));
    report(String.format("Statements per account plan (%s), %d plans: %.1f (%s)", setting, count,
        total / (double) count, kinds.substring(0, kinds.length() - 2)));
  }

  /** Starts, drafts, reviews where asked and approves one plan per account for the year; returns how many. */
  private int runPlans(int year, List<String> accountIds) {
    for (String accountId : accountIds) {
      AccountPlanProcessTest.startPlan(runtimeService, segmentation, plans, year, accountId);
      AccountPlanProcessTest.submitGoodPlan(taskService, identityService, year + "-" + accountId);
      Task next = task(year + "-" + accountId);
      if (next.getTaskDefinitionKey().equals("reviewPlanAsSponsor")) {
        String sponsor = next.getAssignee() == null ? "gilles" : next.getAssignee();
        AsUser.complete(identityService, taskService, next, sponsor, "executive-sponsor",
            Map.of("sponsorComments", "Agreed"));
        next = task(year + "-" + accountId);
      }
      AsUser.complete(identityService, taskService, next, "diane", "programme-director",
          Map.of("decision", "approve", "approverComments", "Well done"));
    }
    return accountIds.size();
  }

  private Task task(String businessKey) {
    return taskService.createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();
  }
}
