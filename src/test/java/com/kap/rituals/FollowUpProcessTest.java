package com.kap.rituals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.kap.planning.AccountPlanProcessTest;
import com.kap.planning.CycleCalendar;
import com.kap.planning.internal.AccountPlanRepository;
import com.kap.portfolio.PortfolioSegmentation;
import com.kap.rituals.internal.FollowUpRepository;
import com.kap.rituals.internal.OccurrenceRepository;
import com.kap.support.Api;
import com.kap.support.AsUser;
import com.kap.support.ProcessTest;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * In-year tracking on the running application: an approved plan's actions become tasks of their owners; the plan
 * review, claimed by the KAM, records the actuals and the actions' statuses (refusing what is wrong, naming the
 * fields); an action is closed, reminded and escalated; the progress API shows the result to those who may see it.
 */
@ProcessTest
class FollowUpProcessTest {

  private static final int YEAR = 2131;

  @Autowired com.kap.platform.i18n.UserLocales locales;
  private static final String ACCOUNT = "ACC-003"; // Atlas Logistics: Strategic, KAM alice, sponsor gilles

  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired PortfolioSegmentation segmentation;
  @Autowired AccountPlanRepository plans;
  @Autowired OccurrenceRepository occurrences;
  @Autowired FollowUpRepository actions;
  @Autowired FollowUps followUps;
  @Autowired CycleCalendar calendar;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate rest;

  @AfterEach
  void reset() {
    identityService.clearAuthentication();
    ClockUtil.reset();
  }

  @Test
  void anApprovedPlansActionsAreFollowedUpAndThePlanReviewRecordsActuals() throws IOException {
    approvePlan();

    // the plan's two actions: one task each, for its owner, due at the end of its day, reminded before
    List<FollowUpAction> planActions = actions.findByPlan(YEAR, ACCOUNT);
    assertThat(planActions).extracting(FollowUpAction::action, FollowUpAction::assignee, FollowUpAction::status)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Price review workshop", "alice",
                FollowUpAction.Status.OPEN),
            org.assertj.core.groups.Tuple.tuple("Joint roadmap with their COO", "diane", FollowUpAction.Status.OPEN));
    FollowUpAction workshop = planActions.get(0);
    FollowUpAction roadmap = planActions.get(1);
    Task workshopTask = actionTask(workshop);
    assertThat(workshopTask).isNotNull();
    assertThat(workshopTask.getAssignee()).isEqualTo("alice");
    assertThat(workshopTask.getName()).isEqualTo("Follow up action");
    assertThat(workshopTask.getDueDate()).isEqualTo(calendar.endOf(LocalDate.parse(YEAR + "-05-30")));
    assertThat(taskService.getVariable(workshopTask.getId(), "actionText")).isEqualTo("Price review workshop");
    assertThat(taskService.getVariable(workshopTask.getId(), "actionDueText")).isEqualTo("05/30/" + YEAR);
    assertThat(taskService.getVariable(workshopTask.getId(), "actionSource")).isEqualTo("the " + YEAR + " account plan");
    assertThat(actionTask(roadmap).getAssignee()).isEqualTo("diane");
    assertThat(timer(roadmap, "reminderDue").getDuedate())
        .isEqualTo(calendar.reminderBefore(LocalDate.parse(YEAR + "-08-15")));
    assertThat(timer(roadmap, "dueDatePassed").getDuedate()).isEqualTo(calendar.endOf(LocalDate.parse(YEAR + "-08-15")));

    // the plan review: the programme director's ritual, which the KAM may claim
    Task review = planReviewTask();
    assertThat(review.getAssignee()).isNull();
    assertThat(taskService.getIdentityLinksForTask(review.getId())).extracting(IdentityLink::getUserId,
        IdentityLink::getGroupId).contains(org.assertj.core.groups.Tuple.tuple("alice", null),
        org.assertj.core.groups.Tuple.tuple(null, "programme-director"));
    assertThat(taskService.getVariable(review.getId(), "planReview")).isEqualTo(true);
    SpinJsonNode objectives = (SpinJsonNode) taskService.getVariable(review.getId(), "reviewObjectives");
    assertThat(objectives.elements()).extracting(row -> row.prop("target").stringValue())
        .containsExactly("4.6M", "28%");
    SpinJsonNode open = (SpinJsonNode) taskService.getVariable(review.getId(), "reviewActions");
    assertThat(open.elements()).extracting(row -> row.prop("action").stringValue())
        .containsExactly("Price review workshop", "Joint roadmap with their COO");
    AsUser.call(identityService, "alice", "kam", () -> {
      taskService.claim(review.getId(), "alice");
      return null;
    });

    ClockUtil.setCurrentTime(Date.from(Instant.parse(YEAR + "-07-02T10:00:00Z"))); // the Monday after the review
    Map<String, Object> record = heldReview(List.of(Map.of("objective", "Grow revenue", "actual", ""),
            Map.of("objective", "Lift gross margin", "actual", "lots")),
        List.of(Map.of("status", "done"), Map.of("status", "finished")));
    assertThatThrownBy(() -> complete(review, "alice", record)).as("every problem at once")
        .hasMessageContaining("reviewObjectives[0].actual: is required")
        .hasMessageContaining("reviewObjectives[1].actual: must be a number, was 'lots'")
        .hasMessageContaining("reviewActions[1].status: must be one of");
    Map<String, Object> rowLost = heldReview(List.of(Map.of("actual", 2.3)),
        List.of(Map.of("status", "done"), Map.of("status", "inProgress")));
    assertThatThrownBy(() -> complete(review, "alice", rowLost))
        .hasMessageContaining("reviewObjectives: must keep one row per objective of the approved plan (2), had 1");
    assertThat(jdbc.queryForObject("select count(*) from kap_review_actual where plan_year = ?", Integer.class, YEAR))
        .as("nothing stored from a refused review").isZero();

    Map<String, Object> good = heldReview(List.of(Map.of("actual", 2.3), Map.of("actual", 26)),
        List.of(Map.of("status", "done"), Map.of("status", "inProgress")));
    good.put("actions", Spin.JSON(List.of(Map.of("action", "Send the revised price list", "owner", "diane",
        "dueDate", YEAR + "-08-15"))));
    complete(review, "alice", good);

    assertThat(actions.actuals(ACCOUNT, YEAR)).extracting(FollowUpRepository.Actual::actual)
        .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("2.3"), new BigDecimal("26"));
    assertThat(actions.find(workshop.actionNo()).orElseThrow().status()).isEqualTo(FollowUpAction.Status.DONE);
    assertThat(actionTask(workshop)).as("the review closed the workshop: its task went").isNull();
    assertThat(ended(workshop)).isTrue();
    assertThat(passed(workshop)).contains("actionClosedInReview").doesNotContain("actionClosed");
    assertThat(actions.find(roadmap.actionNo()).orElseThrow().status()).isEqualTo(FollowUpAction.Status.IN_PROGRESS);
    assertThat(jdbc.queryForList("select status from kap_review_action_status order by action_no", String.class))
        .containsExactly("DONE", "IN_PROGRESS");
    FollowUpAction priceList = actions.findByPlan(YEAR, ACCOUNT).stream()
        .filter(a -> a.source() == FollowUpAction.Source.RITUAL).findFirst().orElseThrow();
    assertThat(priceList.action()).isEqualTo("Send the revised price list");
    assertThat(actionTask(priceList).getAssignee()).as("an action agreed in a ritual is a task too").isEqualTo("diane");

    // diane closes the roadmap: dropped needs a note
    Task roadmapTask = actionTask(roadmap);
    assertThatThrownBy(() -> complete(roadmapTask, "diane", Map.of("actionOutcome", "dropped")))
        .hasMessageContaining("actionNote: is required");
    assertThatThrownBy(() -> complete(roadmapTask, "diane", Map.of("actionOutcome", "postponed")))
        .hasMessageContaining("actionOutcome: must be one of");
    complete(roadmapTask, "diane", Map.of("actionOutcome", "done", "actionNote", "Roadmap signed on 1 July"));
    FollowUpAction closed = actions.find(roadmap.actionNo()).orElseThrow();
    assertThat(closed.status()).isEqualTo(FollowUpAction.Status.DONE);
    assertThat(closed.closedBy()).isEqualTo("diane");
    assertThat(closed.note()).isEqualTo("Roadmap signed on 1 July");
    assertThat(ended(roadmap)).isTrue();
    assertThat(passed(roadmap)).contains("actionClosed");

    // the price list: reminded before its due date, then escalated to the programme director
    ClockUtil.setCurrentTime(Date.from(Instant.parse(YEAR + "-08-09T10:00:00Z")));
    execute(timer(priceList, "reminderDue"));
    execute(managementService.createJobQuery().processInstanceId(processOf(priceList))
        .activityId("remindActionOwner").singleResult());
    assertThat(outboxMentions("Reminder: action due on", "Send the revised price list")).isTrue();
    execute(timer(priceList, "dueDatePassed"));
    Task overdue = taskService.createTaskQuery().processInstanceId(processOf(priceList))
        .taskDefinitionKey("handleOverdueAction").singleResult();
    assertThat(overdue.getAssignee()).as("the sole programme director").isEqualTo("diane");
    assertThat(taskService.getVariable(overdue.getId(), "actionText")).isEqualTo("Send the revised price list");
    assertThat(actionTask(priceList)).as("the action stays open with its owner").isNotNull();

    // the progress, as the plan's readers see it
    Api api = new Api(rest);
    ResponseEntity<JsonNode> progress = api.get("alice", "/api/accounts/" + ACCOUNT + "/plans/" + YEAR + "/progress",
        JsonNode.class);
    assertThat(progress.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode body = progress.getBody();
    assertThat(body.get("planYear").asInt()).isEqualTo(YEAR);
    assertThat(body.get("actionsDone").asInt()).isEqualTo(2);
    assertThat(body.get("actionsTotal").asInt()).isEqualTo(3);
    assertThat(body.get("objectives").findValuesAsText("percent")).containsExactly("50", "93");
    assertThat(body.get("objectives").get(1).get("actual").decimalValue()).isEqualByComparingTo("26");
    assertThat(body.get("objectives").get(1).get("reviewedOn").asText()).isEqualTo(YEAR + "-06-29");
    assertThat(api.get("gilles", "/api/accounts/" + ACCOUNT + "/plans/" + YEAR + "/progress", JsonNode.class)
        .getStatusCode()).as("the sponsor").isEqualTo(HttpStatus.OK);
    assertThat(api.get("bruno", "/api/accounts/" + ACCOUNT + "/plans/" + YEAR + "/progress", JsonNode.class)
        .getStatusCode()).as("another account's KAM").isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void anOwnerOutsideKapLeavesTheTaskToTheKam() {
    Occurrence ritual = new Occurrence(-YEAR - 1, YEAR + 1, ACCOUNT, "customerBusinessReview",
        LocalDate.parse((YEAR + 1) + "-05-15"), "alice", "Pat Lee", 0, Occurrence.Status.HELD, null, null, null,
        null, null, "alice", Instant.now());
    Map<String, Object> agreed = new HashMap<>(Map.of("action", "Send the signed contract", "owner",
        "Pat Lee (Atlas procurement)", "dueDate", LocalDate.parse((YEAR + 1) + "-06-01")));
    followUps.startRitualActions(ritual, List.of(agreed), runtimeService);
    followUps.startRitualActions(ritual, List.of(agreed), runtimeService); // a retry registers nothing twice

    List<FollowUpAction> registered = actions.findByPlan(YEAR + 1, ACCOUNT);
    assertThat(registered).hasSize(1);
    assertThat(registered.get(0).owner()).isEqualTo("Pat Lee (Atlas procurement)");
    assertThat(registered.get(0).assignee()).isEqualTo("alice");
    Task task = actionTask(registered.get(0));
    assertThat(task.getAssignee()).isEqualTo("alice");
    assertThat(taskService.getVariable(task.getId(), "actionOwner")).isEqualTo("Pat Lee (Atlas procurement)");
    assertThat(taskService.getVariable(task.getId(), "actionSource")).isEqualTo("a ritual");
  }

  @Test
  void aFrenchAssigneeReadsTheDueDateAndTheSourceInFrench() {
    locales.set("alice", java.util.Locale.FRENCH);
    int year = 2163; // a year of its own (docs/testing.md)
    try {
      Occurrence ritual = new Occurrence(-year, year, ACCOUNT, "customerBusinessReview",
          LocalDate.parse(year + "-05-15"), "alice", "Pat Lee", 0, Occurrence.Status.HELD, null, null, null,
          null, null, "alice", Instant.now());
      followUps.startRitualActions(ritual, List.of(new HashMap<>(Map.of("action", "Envoyer le contrat signé",
          "owner", "alice", "dueDate", LocalDate.parse(year + "-06-01")))), runtimeService);
      Task task = actionTask(actions.findByPlan(year, ACCOUNT).get(0));
      assertThat(taskService.getVariable(task.getId(), "actionDueText")).isEqualTo("01/06/" + year);
      assertThat(taskService.getVariable(task.getId(), "actionSource")).isEqualTo("d'un rituel");
    } finally {
      locales.set("alice", null);
    }
  }

  // --- helpers ---

  /** The account's plan for the year, with two actions, approved; the ritual plan's calendar: one plan review. */
  private void approvePlan() {
    ProcessInstance plan = AccountPlanProcessTest.startPlan(runtimeService, segmentation, plans, YEAR, ACCOUNT);
    Map<String, Object> content = AccountPlanProcessTest.fullPlan();
    content.put("actions", Spin.JSON(List.of(
        Map.of("action", "Price review workshop", "owner", "alice", "dueDate", YEAR + "-05-30"),
        Map.of("action", "Joint roadmap with their COO", "owner", "diane", "dueDate", YEAR + "-08-15"))));
    complete(task(plan), "alice", content);
    complete(task(plan), "gilles", Map.of("sponsorComments", "Good",
        "touchpointCommitments", "Quarterly top-to-top"));
    complete(task(plan), "diane", Map.of("decision", "approve"));
    execute(managementService.createJobQuery().processInstanceId(plan.getId()).activityId("startRitualPlan")
        .singleResult());
    assertThat(plan).isEnded();

    ProcessInstance rituals = runtimeService.createProcessInstanceQuery().processDefinitionKey("ritualPlan")
        .processInstanceBusinessKey(YEAR + "-" + ACCOUNT).singleResult();
    Map<String, Object> calendar = new HashMap<>();
    calendar.put("rituals", Spin.JSON(List.of(Map.of("ritualType", "planReview", "date", YEAR + "-06-29"))));
    calendar.put("justification", "The first half-year's review only, to start tracking");
    complete(task(rituals), "alice", calendar);
    complete(task(rituals), "diane", Map.of("calendarDecision", "validate"));
    execute(managementService.createJobQuery().processInstanceId(rituals.getId()).timers().activityId("nextRitualDay")
        .singleResult());
  }

  private Task planReviewTask() {
    return taskService.createTaskQuery().processInstanceBusinessKey(YEAR + "-" + ACCOUNT)
        .taskDefinitionKey("holdRitual").singleResult();
  }

  private Map<String, Object> heldReview(List<Map<String, Object>> objectives, List<Map<String, Object>> statuses) {
    Map<String, Object> record = new HashMap<>();
    record.put("held", "yes");
    record.put("heldDate", YEAR + "-06-29");
    record.put("attendees", "diane, alice");
    record.put("minutes", "Half-year review of the plan");
    record.put("reviewObjectives", Spin.JSON(objectives));
    record.put("reviewActions", Spin.JSON(statuses));
    return record;
  }

  private Task actionTask(FollowUpAction action) {
    return taskService.createTaskQuery().processInstanceBusinessKey("action-" + action.actionNo())
        .taskDefinitionKey("followUpActionTask").singleResult();
  }

  private String processOf(FollowUpAction action) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey("action-"
        + action.actionNo()).singleResult().getId();
  }

  private boolean ended(FollowUpAction action) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(processOf(action)).count() == 0;
  }

  private List<String> passed(FollowUpAction action) {
    return historyService.createHistoricActivityInstanceQuery().processInstanceId(processOf(action)).finished()
        .list().stream().map(HistoricActivityInstance::getActivityId).toList();
  }

  private Job timer(FollowUpAction action, String activityId) {
    return managementService.createJobQuery().processInstanceId(processOf(action)).timers()
        .activityId(activityId).singleResult();
  }

  private void complete(Task task, String user, Map<String, ?> variables) {
    String group = switch (user) {
      case "diane" -> "programme-director";
      case "gilles" -> "executive-sponsor";
      default -> "kam";
    };
    AsUser.complete(identityService, taskService, task, user, group, new HashMap<>(variables));
  }

  private static boolean outboxMentions(String... texts) throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target", "test-outbox"))) {
      return files.anyMatch(f -> {
        try {
          String mail = Files.readString(f);
          return Stream.of(texts).allMatch(mail::contains);
        } catch (IOException e) {
          return false;
        }
      });
    }
  }
}
