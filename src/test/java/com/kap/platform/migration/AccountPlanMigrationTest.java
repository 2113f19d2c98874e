package com.kap.platform.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.kap.planning.AccountPlanProcessTest;
import com.kap.portfolio.PortfolioSegmentation;
import com.kap.portfolio.internal.CycleSegmentRepository;
import com.kap.support.Api;
import com.kap.support.AsUser;
import com.kap.support.ProcessTest;
import com.kap.support.TestVersions;
import java.time.Instant;
import java.util.Date;
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
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** A process owner moves running account plans to a new version of accountPlan over KAP's API. */
@ProcessTest
class AccountPlanMigrationTest {

  private static final int YEAR = 2097;

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired PortfolioSegmentation segmentation;
  @Autowired CycleSegmentRepository cycleSegments;
  @Autowired JdbcTemplate jdbc;
  Api api;
  TestVersions versions;

  @BeforeEach
  void setUp() {
    api = new Api(rest);
    versions = new TestVersions(repository);
    if (cycleSegments.countByYear(YEAR) == 0) {
      segmentation.segment(YEAR);
    }
  }

  @AfterEach
  void deleteTestVersions() {
    identity.clearAuthentication();
    versions.deleteAll();
  }

  @Test
  void theDryRunNamesThePlanWaitingInARemovedTaskAndChangesNothingThenTheRealRunMovesTheOther() {
    ProcessDefinition old = versions.deployUnchanged("accountPlan");
    ProcessInstance drafting = start(old, "ACC-001");
    ProcessInstance approving = start(old, "ACC-013"); // Status: a light plan, no sponsor review
    completeDraft(approving, AccountPlanProcessTest.lightPlan());
    ProcessDefinition target = versions.deploy("accountPlan", TestVersions.remove("approveAccountPlan"));
    Task draft = task(drafting);
    Map<String, Object> before = Snapshot.of(jdbc, YEAR, List.of(drafting.getId(), approving.getId()));
    String request = "{\"processKey\": \"accountPlan\", \"sourceVersion\": " + old.getVersion()
        + ", \"targetVersion\": " + target.getVersion();

    JsonNode dryRun = migrate("paula", request + "}");

    assertThat(dryRun.get("dryRun").asBoolean()).isTrue();
    assertThat(counts(dryRun)).containsExactly(2, 1, 1, 0);
    assertThat(dryRun.get("summary").asText()).startsWith("Dry run, nothing was changed: 1 of 2 running instances");
    JsonNode source = dryRun.get("sources").get(0);
    assertThat(source.get("sourceVersion").asInt()).isEqualTo(old.getVersion());
    assertThat(source.get("planProblems")).isEmpty();
    assertThat(source.get("notMigratableInstances")).singleElement().satisfies(instance -> {
      assertThat(instance.get("businessKey").asText()).isEqualTo(YEAR + "-ACC-013");
      assertThat(instance.get("processInstanceId").asText()).isEqualTo(approving.getId());
      JsonNode problem = instance.get("problems").get(0);
      assertThat(problem.get("activityId").asText()).isEqualTo("approveAccountPlan");
      assertThat(problem.get("activityName").asText()).isEqualTo("Approve account plan");
      assertThat(problem.get("activityInstanceIds")).singleElement()
          .satisfies(id -> assertThat(id.asText()).startsWith("approveAccountPlan:"));
      assertThat(problem.get("reasons").get(0).asText()).contains("no migration instruction");
    });
    assertThat(Snapshot.of(jdbc, YEAR, List.of(drafting.getId(), approving.getId())))
        .as("a dry run changes no row, neither the engine's nor KAP's").isEqualTo(before);

    JsonNode migrated = migrate("paula", request + ", \"dryRun\": false}");

    assertThat(migrated.get("dryRun").asBoolean()).isFalse();
    assertThat(counts(migrated)).containsExactly(2, 1, 1, 1);
    assertThat(migrated.get("sources").get(0).get("notMigratableInstances").get(0).get("businessKey").asText())
        .isEqualTo(YEAR + "-ACC-013");
    assertThat(definitionOf(drafting)).isEqualTo(target.getId());
    assertThat(definitionOf(approving)).as("stays on its version").isEqualTo(old.getId());
    Task migratedDraft = task(drafting);
    assertThat(migratedDraft.getId()).isEqualTo(draft.getId());
    assertThat(migratedDraft.getAssignee()).isEqualTo(draft.getAssignee());
    assertThat(migratedDraft.getProcessDefinitionId()).isEqualTo(target.getId());
    assertThat(jdbc.queryForList("select USER_ID_ from ACT_HI_OP_LOG where OPERATION_TYPE_ = 'Migrate' "
        + "and PROC_DEF_ID_ = ?", String.class, old.getId())).as("Camunda's operation log names who migrated")
        .contains("paula");
  }

  @Test
  void aHarmlessVersionTakesEveryPlanWithItsTasksTimersAndVariables() {
    ProcessDefinition old = versions.deployUnchanged("accountPlan");
    ProcessInstance drafting = start(old, "ACC-004");
    ProcessInstance approving = start(old, "ACC-016");
    completeDraft(approving, AccountPlanProcessTest.lightPlan());
    List<Map<String, Object>> variables = variables(drafting);
    List<Job> timers = timers(drafting);
    ProcessDefinition target = versions.deploy("accountPlan",
        TestVersions.rename("draftAccountPlan", "Draft the account plan"));

    JsonNode migrated = migrate("paula", "{\"processKey\": \"accountPlan\", \"sourceVersion\": " + old.getVersion()
        + ", \"dryRun\": false}");

    assertThat(migrated.get("targetVersion").asInt()).as("the latest by default").isEqualTo(target.getVersion());
    assertThat(counts(migrated)).containsExactly(2, 2, 0, 2);
    assertThat(definitionOf(drafting)).isEqualTo(target.getId());
    assertThat(definitionOf(approving)).isEqualTo(target.getId());
    assertThat(variables(drafting)).as("the same variables, with their values").isEqualTo(variables);
    assertThat(timers(drafting)).extracting(Job::getId, Job::getDuedate, Job::getProcessDefinitionId)
        .as("the same timers, due as before").containsExactlyElementsOf(timers.stream()
            .map(timer -> org.assertj.core.groups.Tuple.tuple(timer.getId(), timer.getDuedate(), target.getId()))
            .toList());

    Job reminder = management.createJobQuery().processInstanceId(drafting.getId()).activityId("reminderDue")
        .singleResult();
    management.executeJob(reminder.getId());
    management.executeJob(management.createJobQuery().processInstanceId(drafting.getId())
        .activityId("sendPlanReminder").singleResult().getId());
    completeDraft(drafting, AccountPlanProcessTest.fullPlan());
    assertThat(task(drafting).getTaskDefinitionKey()).isIn("reviewPlanAsSponsor", "approveAccountPlan");
    assertThat(task(drafting).getProcessDefinitionId()).isEqualTo(target.getId());

    AsUser.complete(identity, tasks, task(approving), "diane", "programme-director", Map.of("decision", "approve"));
    management.executeJob(management.createJobQuery().processInstanceId(approving.getId())
        .activityId("startRitualPlan").singleResult().getId()); // the approved plan's last step, a job of its own
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(approving.getId()).count()).isZero();
    assertThat(jdbc.queryForObject("select status from kap_account_plan where cycle_year = ? and account_id = ?",
        String.class, YEAR, "ACC-016")).isEqualTo("APPROVED");
  }

  @Test
  void aTaskWhoseIdChangedMovesWithAnActivityMappingAndAWrongMappingIsAPlanProblem() {
    ProcessDefinition old = versions.deployUnchanged("accountPlan");
    ProcessInstance approving = start(old, "ACC-019");
    completeDraft(approving, AccountPlanProcessTest.lightPlan());
    ProcessDefinition target = versions.deploy("accountPlan",
        TestVersions.renameId("approveAccountPlan", "signOffAccountPlan"));
    String request = "{\"processKey\": \"accountPlan\", \"sourceVersion\": " + old.getVersion();

    assertThat(counts(migrate("paula", request + "}"))).containsExactly(1, 0, 1, 0);
    JsonNode typo = migrate("paula", request + ", \"activityMappings\": {\"approveAccountPlan\": \"signOffPlan\"}}");
    assertThat(counts(typo)).containsExactly(1, 0, 1, 0);
    assertThat(typo.get("summary").asText()).endsWith("see notMigratableInstances and planProblems for why.");
    assertThat(typo.get("sources").get(0).get("planProblems")).singleElement().satisfies(problem -> {
      assertThat(problem.get("sourceActivityId").asText()).isEqualTo("approveAccountPlan");
      assertThat(problem.get("targetActivityId").asText()).isEqualTo("signOffPlan");
      assertThat(problem.get("activityName").asText()).isEqualTo("Approve account plan");
      assertThat(problem.get("reasons").get(0).asText()).contains("signOffPlan").contains("does not exist");
    });
    assertThat(typo.get("sources").get(0).get("notMigratableInstances").get(0).get("problems").get(0).get("reasons")
        .get(0).asText()).isEqualTo("version " + old.getVersion() + " cannot be mapped to version "
            + target.getVersion() + ": see planProblems");

    JsonNode migrated = migrate("paula", request
        + ", \"activityMappings\": {\"approveAccountPlan\": \"signOffAccountPlan\"}, \"dryRun\": false}");

    assertThat(counts(migrated)).containsExactly(1, 1, 0, 1);
    Task approval = task(approving);
    assertThat(approval.getTaskDefinitionKey()).isEqualTo("signOffAccountPlan");
    AsUser.complete(identity, tasks, approval, "diane", "programme-director", Map.of("decision", "approve"));
    assertThat(jdbc.queryForObject("select status from kap_account_plan where cycle_year = ? and account_id = ?",
        String.class, YEAR, "ACC-019")).isEqualTo("APPROVED");
  }

  /**
   * KAP code may run during a migration and write to KAP's tables: here a timer the new version adds, whose expression
   * stands for any such code. The dry run rolls its write back with the migration; the real run keeps both.
   */
  @Test
  void whatKapCodeWritesDuringTheMigrationIsRolledBackByTheDryRunAndKeptByTheRealRun() {
    ProcessDefinition old = versions.deployUnchanged("accountPlan");
    ProcessInstance plan = start(old, "ACC-007");
    ProcessDefinition target = versions.deploy("accountPlan", model -> model.<SubProcess>getModelElementById(
        "planInProgress").builder().boundaryEvent("writesToKap").cancelActivity(false).timerWithDate(
            "${accountPlanRepository.recordServiceLevel(year, accountId, 'migrated', false) == null "
                + "? reminderDue : reminderDue}").endEvent("wroteToKap").done());
    String request = "{\"processKey\": \"accountPlan\", \"sourceVersion\": " + old.getVersion()
        + ", \"targetVersion\": " + target.getVersion();
    String depthBefore = planDepth("ACC-007");

    assertThat(counts(migrate("paula", request + "}"))).containsExactly(1, 1, 0, 0);
    assertThat(planDepth("ACC-007")).isEqualTo(depthBefore);
    assertThat(definitionOf(plan)).isEqualTo(old.getId());

    assertThat(counts(migrate("paula", request + ", \"dryRun\": false}"))).containsExactly(1, 1, 0, 1);
    assertThat(planDepth("ACC-007")).isEqualTo("migrated");
    assertThat(definitionOf(plan)).isEqualTo(target.getId());
    assertThat(management.createJobQuery().processInstanceId(plan.getId()).activityId("writesToKap").count())
        .isEqualTo(1);
  }

  private JsonNode migrate(String user, String json) {
    ResponseEntity<JsonNode> response = api.postJson(user, "/api/migrations", json, JsonNode.class);
    assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  /** instances, migratable, notMigratable, migrated */
  private static List<Integer> counts(JsonNode report) {
    return List.of(report.get("instances").asInt(), report.get("migratable").asInt(),
        report.get("notMigratable").asInt(), report.get("migrated").asInt());
  }

  private ProcessInstance start(ProcessDefinition version, String accountId) {
    return runtime.startProcessInstanceById(version.getId(), YEAR + "-" + accountId, Variables.createVariables()
        .putValue("year", YEAR).putValue("accountId", accountId).putValue("planDeadline", (YEAR - 1) + "-12-15")
        .putValue("planDeadlineDue", Date.from(Instant.parse((YEAR - 1) + "-12-16T00:00:00Z")))
        .putValue("reminderDue", Date.from(Instant.parse((YEAR - 1) + "-12-08T09:00:00Z"))));
  }

  private void completeDraft(ProcessInstance plan, Map<String, Object> content) {
    Task draft = task(plan);
    AsUser.complete(identity, tasks, draft, draft.getAssignee(), "kam", content);
  }

  private Task task(ProcessInstance instance) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  private List<Job> timers(ProcessInstance instance) {
    return management.createJobQuery().processInstanceId(instance.getId()).timers().orderByJobId().asc().list();
  }

  private List<Map<String, Object>> variables(ProcessInstance instance) {
    return jdbc.queryForList("select ID_, NAME_, TYPE_, TEXT_, TEXT2_, LONG_, DOUBLE_, BYTEARRAY_ID_ "
        + "from ACT_RU_VARIABLE where PROC_INST_ID_ = ? order by ID_", instance.getId());
  }

  private String definitionOf(ProcessInstance instance) {
    return runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
        .getProcessDefinitionId();
  }

  private String planDepth(String accountId) {
    return jdbc.queryForObject("select plan_depth from kap_account_plan where cycle_year = ? and account_id = ?",
        String.class, YEAR, accountId);
  }
}
