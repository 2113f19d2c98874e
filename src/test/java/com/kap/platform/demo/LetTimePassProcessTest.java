package com.kap.platform.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.kap.planning.AccountPlan;
import com.kap.planning.internal.AccountPlanRepository;
import com.kap.support.Api;
import com.kap.support.AsUser;
import com.kap.support.ProcessTest;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * "Let time pass (demo)": the programme director moves the demo's clock forward from Tasklist's "Start process", and
 * what was due by then happens: a budget round's call closes, a ritual's day brings its "Hold ritual" task.
 */
@ProcessTest
class LetTimePassProcessTest {

  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired AccountPlanRepository plans;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate rest;

  @AfterEach
  void realTime() {
    ClockUtil.reset();
    identityService.clearAuthentication();
    jdbc.update("delete from kap_open_round");
  }

  @Test
  void isDeployedWithTheDemoProfileFromDemoFolder() {
    ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey("letTimePass")
        .latestVersion().singleResult();
    assertThat(definition.getName()).isEqualTo("Let time pass (demo)");
    assertThat(definition.getResourceName()).isEqualTo("demo/letTimePass.bpmn");
  }

  @Test
  void movingTheClockClosesACallAtItsDeadlineAndBringsARitualOnItsDay() {
    jdbc.update("delete from kap_open_round");
    if (plans.find(2054, "ACC-003").isEmpty()) {
      plans.insert(new AccountPlan(2054, "ACC-003", "test", "alice", "Strategic", AccountPlan.Status.APPROVED,
          Instant.now(), Instant.now(), 1));
    }
    LocalDate deadline = LocalDate.now(ZoneOffset.UTC).plusDays(3);
    ProcessInstance round = AsUser.call(identityService, "diane", "programme-director", () ->
        runtimeService.startProcessInstanceByKey("budgetRound", roundForm(deadline)));
    assertThat(round).isWaitingAt("closeCallEarly");

    letTimePass("diane", deadline);
    runDueJobsOf(round);
    assertThat(round).as("noon of the deadline day: the call is still open").isWaitingAt("closeCallEarly");

    ProcessInstance clock = letTimePass("diane", deadline.plusDays(1));
    assertThat(clock).isEnded().hasPassed("moveClock");
    assertThat(LocalDate.ofInstant(ClockUtil.now().toInstant(), ZoneOffset.UTC)).isEqualTo(deadline.plusDays(1));
    runDueJobsOf(round);
    assertThat(round).hasPassed("callDeadlinePassed", "closeCall").isEnded();

    // a ritual plan of 2054 with one internal review on a Monday in March
    LocalDate day = LocalDate.of(2054, 3, 1);
    while (day.getDayOfWeek() != DayOfWeek.MONDAY) {
      day = day.plusDays(1);
    }
    ProcessInstance rituals = runtimeService.startProcessInstanceByKey("ritualPlan", "2054-ACC-003");
    Map<String, Object> proposal = new HashMap<>();
    proposal.put("rituals", Spin.JSON(List.of(Map.of("ritualType", "internalReview", "date", day.toString()))));
    proposal.put("justification", "A test calendar with one ritual");
    complete(rituals, "alice", "kam", proposal);
    complete(rituals, "diane", "programme-director", Map.of("calendarDecision", "validate"));

    letTimePass("diane", day.minusDays(1));
    runDueJobsOf(rituals);
    assertThat(holdTasks(rituals)).as("the day before").isEmpty();
    letTimePass("diane", day);
    runDueJobsOf(rituals);
    assertThat(holdTasks(rituals)).singleElement().satisfies(task -> assertThat(task.getAssignee()).isEqualTo("alice"));
  }

  @Test
  void theClockNeverMovesBackAndTheRefusalShowsTheDemosDate() {
    Api api = new Api(rest);
    String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
    ResponseEntity<JsonNode> refused = api.postJson("diane",
        "/engine-rest/process-definition/key/letTimePass/submit-form",
        "{\"variables\":{\"moveClockTo\":{\"value\":\"" + yesterday + "\"}}}", JsonNode.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("message").asText())
        .startsWith("Move the clock to: the demo's clock shows " + LocalDate.now(ZoneOffset.UTC))
        .endsWith("only moves forward: pick a later day");
    assertThat(LocalDate.ofInstant(ClockUtil.now().toInstant(), ZoneOffset.UTC))
        .isEqualTo(LocalDate.now(ZoneOffset.UTC));

    assertThat(api.postJson("admin", "/engine-rest/process-definition/key/letTimePass/submit-form",
        "{\"variables\":{\"moveClockTo\":{\"value\":\"" + yesterday + "\"}}}", String.class).getStatusCode())
        .as("the administrator may start it (and is refused the date)").isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void onlyTheProgrammeDirectorAndTheAdministratorMayLetTimePass() {
    LocalDate later = LocalDate.now(ZoneOffset.UTC).plusDays(30);
    for (String[] other : new String[][] {{"alice", "kam"}, {"eric", "director"}, {"paula", "process-owner"}}) {
      assertThatThrownBy(() -> letTimePass(other[0], other[1], later)).as(other[0])
          .isInstanceOf(AuthorizationException.class);
    }
    assertThat(new Api(rest).postJson("alice", "/engine-rest/process-definition/key/letTimePass/submit-form",
        "{\"variables\":{\"moveClockTo\":{\"value\":\"" + later + "\"}}}", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(LocalDate.ofInstant(ClockUtil.now().toInstant(), ZoneOffset.UTC))
        .as("nobody moved the clock").isEqualTo(LocalDate.now(ZoneOffset.UTC));
  }

  private ProcessInstance letTimePass(String user, LocalDate day) {
    return letTimePass(user, "programme-director", day);
  }

  private ProcessInstance letTimePass(String user, String group, LocalDate day) {
    return AsUser.call(identityService, user, group, () ->
        runtimeService.startProcessInstanceByKey("letTimePass", Map.of("moveClockTo", day.toString())));
  }

  private List<Task> holdTasks(ProcessInstance instance) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("holdRitual").list();
  }

  private void complete(ProcessInstance instance, String user, String group, Map<String, Object> form) {
    Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    AsUser.complete(identityService, taskService, task, user, group, form);
  }

  /** The due jobs of this instance only: with the clock moved, other tests' timers are due too. */
  private void runDueJobsOf(ProcessInstance instance) {
    for (int i = 0; i < 100; i++) {
      var jobs = managementService.createJobQuery().processInstanceId(instance.getId()).executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
    throw new IllegalStateException("jobs keep coming");
  }

  private static Map<String, Object> roundForm(LocalDate deadline) {
    Map<String, Object> form = new HashMap<>();
    form.put("name", "Clock 2054");
    form.put("level", "global");
    form.put("year", 2054);
    form.put("envelope", 100_000);
    form.put("reservePercent", 10);
    form.put("callDeadline", deadline.toString());
    form.put("committee", "eric, fatima");
    form.put("chair", "fatima");
    return form;
  }
}
