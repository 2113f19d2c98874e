package com.kap.benchmark;

import static com.kap.benchmark.BenchmarkSupport.report;
import static org.assertj.core.api.Assertions.assertThat;

import com.kap.planning.AccountPlanProcessTest;
import com.kap.planning.internal.AccountPlanRepository;
import com.kap.portfolio.PortfolioSegmentation;
import com.kap.portfolio.internal.AccountRepository;
import com.kap.support.AsUser;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Database statements per account plan, from its start by the cycle's fan-out through the KAM's draft (and the
 * sponsor's review where the segment asks for it) to the programme director's approval, counted by H2's query
 * statistics over the demo portfolio's 24 accounts in several years. Run once per setting to compare, e.g.
 * {@code ./mvnw -Pbenchmark test -Dtest=StatementsPerPlanBenchmark} and again with
 * {@code -Dcamunda.bpm.history-level=audit}, {@code =activity}, {@code =none}, or
 * {@code -Dcamunda.bpm.generic-properties.properties.historyRemovalTimeStrategy=start}.
 * {@link PostgresStatementsPerPlanBenchmark} runs the same plans on PostgreSQL.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:kap-statements;DB_CLOSE_DELAY=-1",
    "kap.notifications.outbox=target/benchmark-outbox", "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("demo")
class StatementsPerPlanBenchmark {

  private static final int YEARS = Integer.getInteger("kap.benchmark.years", 8);

  @Autowired ApplicationContext app;
  @Autowired JdbcTemplate jdbc;

  @Test
  void statementsPerAccountPlan() throws IOException {
    int count = countedPlans(app, () -> {
      jdbc.execute("SET QUERY_STATISTICS_MAX_ENTRIES 100000");
      jdbc.execute("SET QUERY_STATISTICS TRUE");
    });
    Map<String, Long> byKind = statementsByKind();
    reportStatements("H2", app, count, byKind);
    reportByTable(count);
    reportVariables();

    // the bare engine in the same JVM and database: a one-user-task process started and its task completed, the
    // statements of those instances alone (the counts go on; what ran before is subtracted)
    RuntimeService runtimeService = app.getBean(RuntimeService.class);
    TaskService taskService = app.getBean(TaskService.class);
    app.getBean(org.camunda.bpm.engine.RepositoryService.class).createDeployment().addModelInstance("bareStatements.bpmn",
        org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess("bareStatements").camundaHistoryTimeToLive(1)
            .startEvent().userTask("work").endEvent().done()).deploy();
    runtimeService.startProcessInstanceByKey("bareStatements", "bare-warm");
    taskService.complete(taskService.createTaskQuery().processInstanceBusinessKey("bare-warm").singleResult().getId());
    // no job runs here (job execution is off): neither KAP's jobs (an approval's ritual plan) nor the bare engine's
    Map<String, Long> beforeBare = statementsByKind();
    for (int i = 0; i < count; i++) {
      runtimeService.startProcessInstanceByKey("bareStatements", "bare-" + i);
      taskService.complete(taskService.createTaskQuery().processInstanceBusinessKey("bare-" + i).singleResult()
          .getId());
    }
    Map<String, Long> bare = new TreeMap<>(statementsByKind());
    beforeBare.forEach((kind, n) -> bare.merge(kind, -n, Long::sum));
    jdbc.execute("SET QUERY_STATISTICS FALSE");
    long kapTotal = byKind.values().stream().mapToLong(Long::longValue).sum();
    long bareTotal = bare.values().stream().mapToLong(Long::longValue).sum();
    StringBuilder kinds = new StringBuilder();
    bare.forEach((kind, n) -> kinds.append(kind).append(' ').append(String.format("%.1f", n / (double) count))
        .append(", "));
    report(String.format("Statements per bare instance (start, the task queried and completed), %d instances: %.1f "
        + "(%s); KAP per plan ÷ bare per instance: %.1f×", count, bareTotal / (double) count,
        kinds.substring(0, kinds.length() - 2), kapTotal / (double) bareTotal));
  }

  /** A statement's kind and the first table it names ({@code insert act_hi_detail}); its kind alone without one. */
  private static final Pattern TABLE = Pattern.compile("^(\\w+)\\b(?:.*?\\b(?:into|from)|)\\s+([\\w.]+)",
      Pattern.DOTALL);

  /** Where the statements go: per plan, by kind and the first table named, the 25 most frequent. */
  private void reportByTable(int count) throws IOException {
    StringBuilder top = new StringBuilder();
    statementsBy(sql -> {
      Matcher table = TABLE.matcher(sql);
      return table.find() ? table.group(1) + " " + table.group(2) : sql.split("\\s+")[0];
    }).entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(25)
        .forEach(e -> top.append(String.format("%s %.1f, ", e.getKey(), e.getValue() / (double) count)));
    report("Statements per account plan by table (the 25 most frequent): " + top.substring(0, top.length() - 2));
  }

  /**
   * Which variables a plan writes with history: per plan, the history details (each write) by the variable's name
   * and type, the 25 most frequent, over every account plan run here (the warm-up year included).
   */
  private void reportVariables() throws IOException {
    List<Map<String, Object>> rows = jdbc.queryForList("select d.name_ as var_name, d.var_type_ as var_type, "
        + "count(*) as writes, count(d.bytearray_id_) as with_bytes from act_hi_detail d "
        + "join act_hi_procinst p on p.id_ = d.proc_inst_id_ where p.proc_def_key_ = 'accountPlan' "
        + "group by d.name_, d.var_type_ order by writes desc limit 25");
    long plans = jdbc.queryForObject("select count(*) from act_hi_procinst where proc_def_key_ = 'accountPlan'",
        Long.class);
    StringBuilder top = new StringBuilder();
    for (Map<String, Object> row : rows) {
      boolean bytes = ((Number) row.get("WITH_BYTES")).longValue() > 0;
      top.append(String.format("%s (%s%s) %.2f, ", row.get("VAR_NAME"), row.get("VAR_TYPE"), bytes ? ", bytes" : "",
          ((Number) row.get("WRITES")).doubleValue() / plans));
    }
    report(String.format("Variable writes with history per account plan (%d plans, the 25 most frequent): %s", plans,
        top.substring(0, Math.max(0, top.length() - 2))));
  }

  /** What H2 has counted since the statistics were turned on, by the statement's first word. */
  private Map<String, Long> statementsByKind() {
    return statementsBy(sql -> sql.split("\\s+")[0]);
  }

  /** What H2 has counted since the statistics were turned on, grouped by what {@code group} makes of the SQL. */
  private Map<String, Long> statementsBy(Function<String, String> group) {
    Map<String, Long> counted = new TreeMap<>();
    for (Map<String, Object> row : jdbc.queryForList(
        "select sql_statement, execution_count from information_schema.query_statistics")) {
      String sql = ((String) row.get("SQL_STATEMENT")).trim().toLowerCase();
      if (sql.contains("information_schema") || sql.startsWith("set ")) {
        continue;
      }
      counted.merge(group.apply(sql), ((Number) row.get("EXECUTION_COUNT")).longValue(), Long::sum);
    }
    return counted;
  }

  /**
   * Runs a warm-up year of plans (caches, first-time inserts of definitions), then {@code startCounting}, then
   * {@code kap.benchmark.years} (8) years of one plan per account; returns how many plans it counted.
   */
  static int countedPlans(ApplicationContext app, Runnable startCounting) {
    List<String> accountIds = app.getBean(AccountRepository.class).findAll().stream().map(a -> a.accountId())
        .toList();
    runPlans(app, 2200, accountIds);
    startCounting.run();
    int planned = 0;
    for (int year = 2201; year <= 2200 + YEARS; year++) {
      planned += runPlans(app, year, accountIds);
    }
    assertThat(planned).isEqualTo(YEARS * accountIds.size());
    return planned;
  }

  /** Reports the statements per plan, in all and by kind (the statement's first word), with the engine's setting. */
  static void reportStatements(String database, ApplicationContext app, int count, Map<String, Long> byKind)
      throws IOException {
    ProcessEngineConfigurationImpl engine = app.getBean(ProcessEngineConfigurationImpl.class);
    long total = byKind.values().stream().mapToLong(Long::longValue).sum();
    String setting = "history level " + engine.getHistoryLevel().getName() + ", removal time "
        + engine.getHistoryRemovalTimeStrategy();
    StringBuilder kinds = new StringBuilder();
    byKind.forEach((kind, n) -> kinds.append(kind).append(' ').append(String.format("%.1f", n / (double) count))
        .append(", "));
    report(String.format("Statements per account plan on %s (%s), %d plans: %.1f (%s)", database, setting, count,
        total / (double) count, kinds.substring(0, kinds.length() - 2)));
  }

  /** Starts, drafts, reviews where asked and approves one plan per account for the year; returns how many. */
  private static int runPlans(ApplicationContext app, int year, List<String> accountIds) {
    RuntimeService runtimeService = app.getBean(RuntimeService.class);
    TaskService taskService = app.getBean(TaskService.class);
    IdentityService identityService = app.getBean(IdentityService.class);
    PortfolioSegmentation segmentation = app.getBean(PortfolioSegmentation.class);
    AccountPlanRepository plans = app.getBean(AccountPlanRepository.class);
    for (String accountId : accountIds) {
      AccountPlanProcessTest.startPlan(runtimeService, segmentation, plans, year, accountId);
      AccountPlanProcessTest.submitGoodPlan(taskService, identityService, year + "-" + accountId);
      Task next = task(taskService, year + "-" + accountId);
      if (next.getTaskDefinitionKey().equals("reviewPlanAsSponsor")) {
        String sponsor = next.getAssignee() == null ? "gilles" : next.getAssignee();
        AsUser.complete(identityService, taskService, next, sponsor, "executive-sponsor",
            Map.of("sponsorComments", "Agreed"));
        next = task(taskService, year + "-" + accountId);
      }
      AsUser.complete(identityService, taskService, next, "diane", "programme-director",
          Map.of("decision", "approve", "approverComments", "Well done"));
    }
    return accountIds.size();
  }

  private static Task task(TaskService taskService, String businessKey) {
    return taskService.createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();
  }
}
