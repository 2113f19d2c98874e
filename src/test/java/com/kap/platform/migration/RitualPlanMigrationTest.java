package com.kap.platform.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.kap.support.Api;
import com.kap.support.AsUser;
import com.kap.support.ProcessTest;
import com.kap.support.TestVersions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A ritual plan runs a year: its timer hands the rituals out day by day, each to a branch bound to its row of
 * kap_ritual_occurrence by execution id. Migrated, every branch keeps its execution, so the rituals' timers and tasks
 * still find their occurrence, and the plan's timer hands out the next day on the new version.
 */
@ProcessTest
class RitualPlanMigrationTest {

  private static final int YEAR = 2098;
  private static final String ACCOUNT = "ACC-021"; // Streamline, KAM alice

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  Api api;
  TestVersions versions;

  @BeforeEach
  void setUp() {
    api = new Api(rest);
    versions = new TestVersions(repository);
  }

  @AfterEach
  void deleteTestVersions() {
    identity.clearAuthentication();
    versions.deleteAll();
  }

  @Test
  void aRunningRitualYearMovesWithItsBranchesBoundToTheirOccurrences() {
    ProcessDefinition old = versions.deployUnchanged("ritualPlan");
    ProcessInstance plan = runtime.startProcessInstanceById(old.getId(), YEAR + "-" + ACCOUNT);
    validateAsProposed(plan);
    management.executeJob(ritualDays(plan).get(0).getId());
    List<Task> firstDay = tasks.createTaskQuery().processInstanceId(plan.getId()).taskDefinitionKey("holdRitual")
        .list();
    Task firstRitual = firstDay.get(0);
    Map<Long, String> bindings = executionsOfOccurrences();
    assertThat(bindings).isNotEmpty().doesNotContainValue(null);
    assertThat(jdbc.queryForObject("select count(*) from kap_ritual_occurrence where cycle_year = ? and account_id = ? "
        + "and status = 'PLANNED' and execution_id is null", Integer.class, YEAR, ACCOUNT))
        .as("rituals of later days, not handed out yet").isGreaterThan(1);
    List<Job> timers = management.createJobQuery().processInstanceId(plan.getId()).timers().orderByJobId().asc()
        .list();
    ProcessDefinition renamed = versions.deploy("ritualPlan", TestVersions.rename("holdRitual", "Hold the ritual"));
    Map<String, Object> before = Snapshot.of(jdbc, YEAR, List.of(plan.getId()));
    String fromOld = "{\"processKey\": \"ritualPlan\", \"sourceVersion\": " + old.getVersion();

    JsonNode dryRun = migrate(fromOld + "}");

    assertThat(dryRun.get("targetVersion").asInt()).isEqualTo(renamed.getVersion());
    assertThat(List.of(dryRun.get("migratable").asInt(), dryRun.get("notMigratable").asInt())).containsExactly(1, 0);
    assertThat(Snapshot.of(jdbc, YEAR, List.of(plan.getId()))).isEqualTo(before);

    JsonNode migrated = migrate(fromOld + ", \"dryRun\": false}");

    assertThat(migrated.get("migrated").asInt()).isEqualTo(1);
    assertThat(executionsOfOccurrences()).as("every ritual keeps its branch").isEqualTo(bindings);
    assertThat(jdbc.queryForList("select distinct e.PROC_DEF_ID_ from ACT_RU_EXECUTION e join kap_ritual_occurrence o "
        + "on o.execution_id = e.ID_ where o.cycle_year = ? and o.account_id = ?", String.class, YEAR, ACCOUNT))
        .as("the bound executions run on the new version").containsExactly(renamed.getId());
    assertThat(management.createJobQuery().processInstanceId(plan.getId()).timers().orderByJobId().asc().list())
        .extracting(Job::getId, Job::getDuedate)
        .containsExactlyElementsOf(timers.stream().map(t -> org.assertj.core.groups.Tuple.tuple(t.getId(),
            t.getDuedate())).toList());

    // the ritual held open across the migration is recorded; the next ritual's day comes
    long firstOccurrence = occurrenceOf(firstRitual);
    complete(firstRitual, Map.of("held", "no", "notHeldReason", "The customer cancelled"));
    assertThat(jdbc.queryForObject("select status from kap_ritual_occurrence where occurrence_no = ?", String.class,
        firstOccurrence)).isEqualTo("NOT_HELD");
    Job nextDay = ritualDays(plan).get(0);
    management.executeJob(nextDay.getId());
    List<String> firstDayIds = firstDay.stream().map(Task::getId).toList();
    Task nextRitual = tasks.createTaskQuery().processInstanceId(plan.getId()).taskDefinitionKey("holdRitual").list()
        .stream().filter(task -> !firstDayIds.contains(task.getId())).findFirst().orElseThrow();
    assertThat(nextRitual.getProcessDefinitionId()).isEqualTo(renamed.getId());
    assertThat(nextRitual.getName()).isEqualTo("Hold the ritual");
    String host = jdbc.queryForObject("select host from kap_ritual_occurrence where occurrence_no = ?", String.class,
        occurrenceOf(nextRitual));
    assertThat(nextRitual.getAssignee()).as("found its occurrence by the branch's execution").isEqualTo(host);
  }

  private JsonNode migrate(String json) {
    ResponseEntity<JsonNode> response = api.postJson("paula", "/api/migrations", json, JsonNode.class);
    assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  /** Each occurrence handed out to a branch, with the branch's execution id. */
  private Map<Long, String> executionsOfOccurrences() {
    Map<Long, String> bindings = new HashMap<>();
    jdbc.query("select occurrence_no, execution_id from kap_ritual_occurrence where cycle_year = ? and account_id = ? "
        + "and status = 'PLANNED' and execution_id is not null", row -> {
          bindings.put(row.getLong(1), row.getString(2));
        }, YEAR, ACCOUNT);
    return bindings;
  }

  /** The occurrence bound to the ritual task's branch: its execution, or the one above (the task is a scope). */
  private long occurrenceOf(Task ritual) {
    return jdbc.queryForObject("select o.occurrence_no from kap_ritual_occurrence o join ACT_RU_EXECUTION e "
        + "on e.ID_ = o.execution_id where e.ID_ = ? or e.ID_ = (select PARENT_ID_ from ACT_RU_EXECUTION where ID_ = ?)",
        Long.class, ritual.getExecutionId(), ritual.getExecutionId());
  }

  private List<Job> ritualDays(ProcessInstance plan) {
    return management.createJobQuery().processInstanceId(plan.getId()).timers().activityId("nextRitualDay")
        .orderByJobDuedate().asc().list();
  }

  /** The KAM proposes the cadence's dates as they come, the programme director validates them. */
  private void validateAsProposed(ProcessInstance plan) {
    SpinJsonNode proposed = (SpinJsonNode) runtime.getVariable(plan.getId(), "rituals");
    List<Map<String, Object>> rituals = proposed.elements().stream().map(row -> {
      Map<String, Object> ritual = new HashMap<>();
      ritual.put("ritualType", row.prop("ritualType").stringValue());
      ritual.put("date", row.prop("date").stringValue());
      ritual.put("customerParticipants", "Procurement lead");
      return ritual;
    }).toList();
    Task proposal = tasks.createTaskQuery().processInstanceId(plan.getId()).singleResult();
    AsUser.complete(identity, tasks, proposal, proposal.getAssignee(), "kam", Map.of("rituals", Spin.JSON(rituals)));
    Task validation = tasks.createTaskQuery().processInstanceId(plan.getId()).singleResult();
    AsUser.complete(identity, tasks, validation, "diane", "programme-director", Map.of("calendarDecision", "validate"));
  }

  private void complete(Task ritual, Map<String, Object> record) {
    if (ritual.getAssignee() != null) {
      AsUser.complete(identity, tasks, ritual, ritual.getAssignee(), "kam", record);
    } else {
      AsUser.complete(identity, tasks, ritual, "diane", "programme-director", record);
    }
  }
}
