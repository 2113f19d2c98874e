package com.kap.benchmark;

import static com.kap.benchmark.BenchmarkSupport.pyramidPortfolio;
import static com.kap.benchmark.BenchmarkSupport.report;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.kap.portfolio.PortfolioImportService;
import com.kap.portfolio.PortfolioSegmentation;
import com.kap.support.Api;
import com.kap.support.ProcessTest;
import com.kap.support.TestVersions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * How long a process owner waits for {@code POST /api/migrations}: one account plan (waiting in its draft, two timers)
 * and one ritual plan (its calendar validated: one branch and timer per ritual, 15 on average) per account, moved
 * to a changed version; Camunda's own migration of all of them in one call and one transaction, back to the first
 * version, for comparison. {@code ./mvnw -Pbenchmark test -Dtest=MigrationBenchmark} (1,000 accounts;
 * {@code -Dkap.benchmark.accounts=200} for a quicker run). Job executor paused, H2 in memory.
 */
@ProcessTest
class MigrationBenchmark {

  private static final int ACCOUNTS = Integer.getInteger("kap.benchmark.accounts", 1_000);
  private static final int YEAR = 2097;
  private static final String PREFIX = "MIG-";

  @Autowired PortfolioImportService importService;
  @Autowired PortfolioSegmentation segmentation;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired TestRestTemplate rest;

  @Test
  void migratingAYearOfAccountPlansAndRitualPlans() throws Exception {
    importService.importCsv(pyramidPortfolio(PREFIX, ACCOUNTS));
    segmentation.segment(YEAR);
    TestVersions versions = new TestVersions(repository);
    try {
      ProcessDefinition plansV1 = versions.deployUnchanged("accountPlan");
      ProcessDefinition ritualsV1 = versions.deployUnchanged("ritualPlan");
      long setUp = System.nanoTime();
      for (int i = 0; i < ACCOUNTS; i++) {
        startPlan(plansV1, PREFIX + i);
        startRitualPlan(ritualsV1, PREFIX + i);
      }
      System.out.printf("BENCHMARK set-up: %d accounts in %.1f s%n", ACCOUNTS, (System.nanoTime() - setUp) / 1e9);
      ProcessDefinition plansV2 = versions.deploy("accountPlan",
          TestVersions.rename("draftAccountPlan", "Draft the account plan"));
      ProcessDefinition ritualsV2 = versions.deploy("ritualPlan", TestVersions.rename("holdRitual", "Hold the ritual"));
      long branches = runtime.createExecutionQuery().processDefinitionId(ritualsV1.getId()).count();

      List<String> rows = new ArrayList<>();
      rows.add("Migration, " + ACCOUNTS + " accounts (" + branches + " executions in the ritual plans), "
          + Runtime.getRuntime().availableProcessors() + " processors:");
      rows.add("");
      rows.add("| process | instances | dry run | real run | Camunda, one call, one transaction (back to v1) |");
      rows.add("|---|---|---|---|---|");
      rows.add(row("accountPlan", plansV1, plansV2));
      rows.add(row("ritualPlan", ritualsV1, ritualsV2));
      rows.add("");
      report(rows.toArray(String[]::new));
    } finally {
      deleteInstances("accountPlan");
      deleteInstances("ritualPlan");
      versions.deleteAll();
    }
  }

  private String row(String processKey, ProcessDefinition v1, ProcessDefinition v2) {
    String request = "{\"processKey\": \"" + processKey + "\", \"sourceVersion\": " + v1.getVersion()
        + ", \"targetVersion\": " + v2.getVersion();
    long dryRun = timed(() -> assertMigrated(migrate(request + "}"), 0));
    long realRun = timed(() -> assertMigrated(migrate(request + ", \"dryRun\": false}"), ACCOUNTS));
    List<String> ids = runtime.createProcessInstanceQuery().processDefinitionId(v2.getId()).list().stream()
        .map(ProcessInstance::getId).toList();
    long camunda = timed(() -> runtime.newMigration(runtime.createMigrationPlan(v2.getId(), v1.getId())
        .mapEqualActivities().updateEventTriggers().build()).processInstanceIds(ids).execute());
    assertThat(runtime.createProcessInstanceQuery().processDefinitionId(v1.getId()).count()).isEqualTo(ACCOUNTS);
    return String.format("| %s | %,d | %.1f s (%.1f ms each) | %.1f s (%.1f ms each) | %.1f s (%.1f ms each) |",
        processKey, ACCOUNTS, dryRun / 1e9, dryRun / 1e6 / ACCOUNTS, realRun / 1e9, realRun / 1e6 / ACCOUNTS,
        camunda / 1e9, camunda / 1e6 / ACCOUNTS);
  }

  private JsonNode migrate(String json) {
    ResponseEntity<JsonNode> response = new Api(rest).postJson("paula", "/api/migrations", json, JsonNode.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private static void assertMigrated(JsonNode report, int migrated) {
    assertThat(report.get("migratable").asInt()).as(report.get("summary").asText()).isEqualTo(ACCOUNTS);
    assertThat(report.get("migrated").asInt()).isEqualTo(migrated);
  }

  private static long timed(Runnable action) {
    long start = System.nanoTime();
    action.run();
    return System.nanoTime() - start;
  }

  private void startPlan(ProcessDefinition version, String accountId) {
    runtime.startProcessInstanceById(version.getId(), YEAR + "-" + accountId, Variables.createVariables()
        .putValue("year", YEAR).putValue("accountId", accountId).putValue("planDeadline", (YEAR - 1) + "-12-15")
        .putValue("planDeadlineDue", Date.from(Instant.parse((YEAR - 1) + "-12-16T00:00:00Z")))
        .putValue("reminderDue", Date.from(Instant.parse((YEAR - 1) + "-12-08T09:00:00Z"))));
  }

  /** Started, its calendar proposed as the cadence has it and validated: a branch waits for each ritual's day. */
  private void startRitualPlan(ProcessDefinition version, String accountId) {
    String instance = runtime.startProcessInstanceById(version.getId(), YEAR + "-" + accountId).getId();
    SpinJsonNode rituals = (SpinJsonNode) runtime.getVariable(instance, "rituals");
    rituals.elements().forEach(row -> row.prop("customerParticipants", "Procurement lead"));
    Task propose = tasks.createTaskQuery().processInstanceId(instance).singleResult();
    tasks.complete(propose.getId(), new HashMap<>(Map.of("rituals", rituals,
        "justification", "The cadence as proposed")));
    Task validate = tasks.createTaskQuery().processInstanceId(instance).singleResult();
    tasks.complete(validate.getId(), new HashMap<>(Map.of("calendarDecision", "validate")));
  }

  /** In chunks: one cascading deletion of a deployment lists every instance in one IN clause. */
  private void deleteInstances(String processKey) {
    List<ProcessInstance> page;
    while (!(page = runtime.createProcessInstanceQuery().processDefinitionKey(processKey)
        .processInstanceBusinessKeyLike(YEAR + "-" + PREFIX + "%").listPage(0, 500)).isEmpty()) {
      runtime.deleteProcessInstances(page.stream().map(ProcessInstance::getId).toList(), "benchmark", true, true);
    }
  }
}
