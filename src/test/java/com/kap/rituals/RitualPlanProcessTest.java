package com.kap.rituals;

import static com.kap.support.GroupTasks.assertGroupTaskOfSoleMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.kap.planning.RitualComplianceSource;
import com.kap.rituals.internal.OccurrenceRepository;
import com.kap.rituals.internal.RitualCalendar;
import com.kap.rituals.internal.RitualPlan;
import com.kap.rituals.internal.RitualPlanRepository;
import com.kap.support.AsUser;
import com.kap.support.ProcessTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;

/** Every path of ritualPlan: proposal, validation, each ritual's day, grace period and escalation, changes. */
@ProcessTest
class RitualPlanProcessTest {

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired OccurrenceRepository occurrences;
  @Autowired RitualPlanRepository plans;
  @Autowired JdbcTemplate jdbc;
  @Autowired RitualCompliance compliance;
  @Autowired MeterRegistry meterRegistry;

  @AfterEach
  void signOut() {
    identityService.clearAuthentication();
  }

  @Test
  void aCalendarIsProposedValidatedAndEveryRitualHeldOrMissed() {
    ProcessInstance plan = start(2078, "ACC-003"); // Strategic, KAM alice, sponsor gilles
    assertThat(plan).isWaitingAt("proposeRitualCalendar");
    assertThat(task(plan)).isAssignedTo("alice");
    SpinJsonNode proposed = (SpinJsonNode) runtimeService.getVariable(plan.getId(), "rituals");
    // Strategic: internal review P2W (26 from 1 Jan), plan review, customer business review and top-to-top P3M (4
    // each), operations meeting P1M (12)
    assertThat(proposed.elements()).hasSize(26 + 4 + 4 + 4 + 12);
    assertThat(proposed.elements()).allSatisfy(row ->
        assertThat(RitualCalendar.isWorkingDay(LocalDate.parse(row.prop("date").stringValue()))).isTrue());

    Map<String, Object> noParticipants = proposal(ritual("customerBusinessReview", "2078-03-15", null));
    assertThatThrownBy(() -> complete(plan, "alice", "kam", noParticipants))
        .hasMessageContaining("rituals[0].customerParticipants: is required");
    Map<String, Object> weekend = proposal(ritual("internalReview", "2078-03-19", null));
    assertThatThrownBy(() -> complete(plan, "alice", "kam", weekend))
        .hasMessageContaining("rituals[0].date: 2078-03-19 is a saturday");
    Map<String, Object> otherYear = proposal(ritual("internalReview", "2079-01-10", null));
    assertThatThrownBy(() -> complete(plan, "alice", "kam", otherYear))
        .hasMessageContaining("rituals[0].date: must be from 2078-01-01 to 2078-12-31");
    Map<String, Object> few = proposal(ritual("internalReview", "2078-03-14", null),
        ritual("customerBusinessReview", "2078-03-15", "CFO, head of logistics"),
        ritual("executiveTopToTop", "2078-03-16", "CEO"));
    assertThatThrownBy(() -> complete(plan, "alice", "kam", few))
        .hasMessageContaining("justification: is required: fewer rituals than the cadence asks for: "
            + "Internal new-business review (1 of 26)");
    few.put("justification", "A merger freezes the calendar until March; the rest follows in the next proposal");
    complete(plan, "alice", "kam", few);

    assertThat(plan).isWaitingAt("validateRitualCalendar");
    assertGroupTaskOfSoleMember(task(plan), "programme-director", "diane");
    assertThatThrownBy(() -> complete(plan, "diane", "programme-director", Map.of("calendarDecision", "sendBack")))
        .hasMessageContaining("calendarComments: is required");
    complete(plan, "diane", "programme-director", Map.of("calendarDecision", "sendBack",
        "calendarComments", "Add the operations meeting"));
    assertThat(runtimeService.getVariable(plan.getId(), "calendarDecision")).as("the next round starts empty").isNull();
    assertThat(plan).isWaitingAt("proposeRitualCalendar");
    assertThat(((SpinJsonNode) runtimeService.getVariable(plan.getId(), "rituals")).elements())
        .as("the proposal comes back as the KAM left it").hasSize(3);
    few.put("rituals", Spin.JSON(List.of(ritual("internalReview", "2078-03-14", null),
        ritual("customerBusinessReview", "2078-03-15", "CFO, head of logistics"),
        ritual("executiveTopToTop", "2078-03-16", "CEO"))));
    complete(plan, "alice", "kam", few);
    complete(plan, "diane", "programme-director", Map.of("calendarDecision", "validate"));

    List<Occurrence> planned = occurrences.findByPlan(2078, "ACC-003");
    assertThat(planned).extracting(Occurrence::status).containsOnly(Occurrence.Status.PLANNED);
    assertThat(planned).extracting(Occurrence::host).containsExactly("alice", "alice", "gilles");
    assertThat(managementService.createJobQuery().processInstanceId(plan.getId()).timers().activityId("ritualDay")
        .count()).as("no timer per ritual").isZero();

    // the internal review is held, with an action
    managementService.executeJob(nextRitualDay(plan, "2078-03-14T07:00:00Z").getId());
    Task review = taskService.createTaskQuery().processInstanceId(plan.getId()).taskDefinitionKey("holdRitual")
        .singleResult();
    assertThat(review).isAssignedTo("alice");
    assertThat(review.getDueDate()).isEqualTo(at("2078-03-15T00:00:00Z"));
    Map<String, Object> minutes = new HashMap<>(Map.of("held", "yes", "heldDate", "2026-01-14",
        "attendees", "alice, bruno", "minutes", "Pipeline reviewed", "occurrenceId", 1L,
        "actions", Spin.JSON("[{\"action\":\"Send the proposal\",\"owner\":\"alice\",\"dueDate\":\"2026-01-20\"}]")));
    assertThatThrownBy(() -> complete(review, "alice", "kam", minutes))
        .hasMessageContaining("heldDate: must be a day of 2078");
    minutes.put("heldDate", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString());
    minutes.put("actions", Spin.JSON("[{\"action\":\"Send the proposal\",\"owner\":\"bruno\","
        + "\"dueDate\":\"2078-03-20\"}]"));
    assertThatThrownBy(() -> complete(review, "alice", "kam", minutes)).as("every problem at once")
        .hasMessageContaining("heldDate: must be a day of 2078")
        .hasMessageContaining("actions[0].owner: pick the KAM, the sponsor or a programme director from the list "
            + "(bruno is not on the account's team)");
    // 2078 lies in the future here: record it as not held instead
    complete(review, "alice", "kam", Map.of("held", "no", "notHeldReason", "Customer moved it to April",
        "occurrenceId", planned.get(2).occurrenceNo()));
    assertThat(occurrences.find(planned.get(0).occurrenceNo()).orElseThrow().status())
        .isEqualTo(Occurrence.Status.NOT_HELD);
    assertThat(occurrences.find(planned.get(2).occurrenceNo()).orElseThrow().status())
        .as("a submitted occurrenceId changes nothing").isEqualTo(Occurrence.Status.PLANNED);

    // the customer business review needs the customer's satisfaction
    managementService.executeJob(nextRitualDay(plan, "2078-03-15T07:00:00Z").getId());
    runDueJobs();
    Task businessReview = taskService.createTaskQuery().processInstanceId(plan.getId())
        .taskDefinitionKey("holdRitual").singleResult();
    assertThat(taskService.getVariable(businessReview.getId(), "external")).isEqualTo(true);
    assertThat(taskService.getVariables(businessReview.getId())).as("one ritual's record does not pre-fill the next")
        .doesNotContainEntry("notHeldReason", "Customer moved it to April").containsEntry("heldDate", "2078-03-15");
    Map<String, Object> held = new HashMap<>(Map.of("held", "yes", "heldDate", "2078-03-15", "attendees", "CFO",
        "minutes", "Quarter reviewed"));
    assertThatThrownBy(() -> complete(businessReview, "alice", "kam", held))
        .hasMessageContaining("heldDate: must be a day of 2078 and not after today");

    // the top-to-top is not recorded: after the grace period it counts as missed, and diane follows up
    managementService.executeJob(nextRitualDay(plan, "2078-03-16T07:00:00Z").getId());
    runDueJobs();
    assertThat(plan).hasPassed("noRitualDayLeft");
    Task topToTop = taskService.createTaskQuery().processInstanceId(plan.getId()).taskDefinitionKey("holdRitual")
        .taskAssignee("gilles").singleResult();
    assertThat(topToTop).isNotNull();
    Job grace = managementService.createJobQuery().processInstanceId(plan.getId()).timers()
        .activityId("gracePeriodPassed").orderByJobDuedate().desc().list().get(0);
    assertThat(grace.getDuedate()).isEqualTo(at("2078-03-24T00:00:00Z")); // end of 16 March + P7D
    double missedBefore = meterRegistry.get("kap.rituals.missed").counter().count();
    managementService.executeJob(grace.getId());
    assertThat(meterRegistry.get("kap.rituals.missed").counter().count()).isEqualTo(missedBefore + 1);
    assertThat(occurrences.find(planned.get(2).occurrenceNo()).orElseThrow().status())
        .isEqualTo(Occurrence.Status.MISSED);
    Task followUp = taskService.createTaskQuery().processInstanceId(plan.getId())
        .taskDefinitionKey("followUpMissedRitual").singleResult();
    assertGroupTaskOfSoleMember(followUp, "programme-director", "diane");
    complete(followUp, "diane", "programme-director", Map.of("followUp", "Rescheduled with gilles"));
    assertThat(runtimeService.getVariables(plan.getId())).as("a record stays with its ritual, not on the plan")
        .doesNotContainKeys("followUp", "held", "heldDate", "notHeldReason", "stakeholdersPresent");

    // the customer moves the business review: the branch waits for the new day, the calendar entry changes
    assertThatThrownBy(() -> complete(businessReview, "alice", "kam", Map.of("held", "moved",
        "newDate", "2078-03-26"))).hasMessageContaining("newDate: must be another working day");
    complete(businessReview, "alice", "kam", Map.of("held", "moved", "newDate", "2078-03-22"));
    Occurrence moved = occurrences.find(planned.get(1).occurrenceNo()).orElseThrow();
    assertThat(moved.plannedDate()).isEqualTo(LocalDate.parse("2078-03-22"));
    assertThat(moved.sequence()).isEqualTo(1);
    Job newDay = managementService.createJobQuery().processInstanceId(plan.getId()).timers().activityId("ritualDay")
        .singleResult();
    assertThat(newDay.getDuedate()).isEqualTo(at("2078-03-22T07:00:00Z"));
    managementService.executeJob(newDay.getId());
    Task movedReview = taskService.createTaskQuery().processInstanceId(plan.getId()).taskDefinitionKey("holdRitual")
        .singleResult();
    assertThat(movedReview.getDueDate()).isEqualTo(at("2078-03-23T00:00:00Z"));
    assertThat(taskService.getVariables(movedReview.getId())).as("the moved ritual's day starts a fresh record")
        .containsEntry("held", null).containsEntry("newDate", null).containsEntry("heldDate", "2078-03-22");
    complete(movedReview, "alice", "kam", Map.of("held", "no", "notHeldReason", "Postponed again"));
    runDueJobs();
    assertThat(plan).isEnded().hasPassed("ritualYearComplete", "closeRitualPlan");
    assertThat(plans.find(2078, "ACC-003").orElseThrow().status()).isEqualTo(RitualPlan.Status.ENDED);
    RitualCompliance.Compliance compliance = this.compliance.of(2078);
    assertThat(compliance.total()).isEqualTo(RitualCompliance.Rate.of(3, 3, 0));
    assertThat(compliance.byKam()).containsOnlyKeys("alice");
    assertThat(compliance.bySegment()).containsOnlyKeys("Strategic");
    assertThat(this.compliance.perAccount(2078)).as("the dashboard's count, from the index alone")
        .containsExactly(new RitualComplianceSource.AccountRitualCount("ACC-003", 3, 3, 0));
  }

  @Test
  void aRemovedAccountEndsItsPlanAndANewSegmentMeansANewCalendar() {
    ProcessInstance removed = start(2079, "ACC-006");
    validateAsProposed(removed);
    assertThat(occurrences.findByPlan(2079, "ACC-006")).isNotEmpty();
    runtimeService.createMessageCorrelation("accountRemoved").processInstanceBusinessKey("2079-ACC-006")
        .correlate();
    assertThat(removed).isEnded().hasPassed("endForRemovedAccount");
    assertThat(occurrences.findByPlan(2079, "ACC-006")).extracting(Occurrence::status)
        .containsOnly(Occurrence.Status.CANCELLED);
    assertThat(occurrences.findByPlan(2079, "ACC-006")).extracting(Occurrence::sequence).containsOnly(1);

    ProcessInstance changed = start(2079, "ACC-009"); // Star
    validateAsProposed(changed);
    jdbc.update("insert into kap_account_segment (cycle_year, account_id, attractiveness, strength, computed_segment, "
        + "override_segment, override_reason, overridden_by, overridden_at) values (2079, 'ACC-009', 60, 60, 'Star', "
        + "'Streamline', 'Volumes collapsed', 'diane', current_timestamp)");
    runtimeService.createMessageCorrelation("segmentChanged").processInstanceBusinessKey("2079-ACC-009").correlate();
    assertThat(changed).isWaitingAt("proposeRitualCalendar");
    assertThat(runtimeService.getVariable(changed.getId(), "segment")).isEqualTo("Streamline");
    assertThat((String) runtimeService.getVariable(changed.getId(), "cadenceSummary"))
        .doesNotContain("Executive top-to-top");

    Job yearOver = managementService.createJobQuery().processInstanceId(changed.getId()).timers()
        .activityId("cycleYearOver").singleResult();
    assertThat(yearOver.getDuedate()).isEqualTo(at("2080-01-08T00:00:00Z"));
    managementService.executeJob(yearOver.getId());
    assertThat(changed).isEnded().hasPassed("closeRitualPlan");
  }

  @Test
  void aRitualsDayReadsItsOccurrenceOnceForAllOfItsTasksExpressions() {
    ProcessInstance plan = start(2082, "ACC-021");
    validateAsProposed(plan);
    Job day = managementService.createJobQuery().processInstanceId(plan.getId()).timers()
        .activityId("nextRitualDay").singleResult();

    // the timer creates "Hold ritual": assignee, candidate groups, due date, grace timer and form fields all need
    // the occurrence; the lookup walks from the task's execution (no binding) to the branch's (bound)
    // (H2 counts the statement as sent, with the named parameter as "?")
    String byExecution = NamedParameterUtils.parseSqlStatementIntoString(OccurrenceRepository.BY_EXECUTION);
    long lookups = statementsRunDuring(byExecution,
        () -> managementService.executeJob(day.getId()));

    Task hold = taskService.createTaskQuery().processInstanceId(plan.getId()).taskDefinitionKey("holdRitual")
        .singleResult();
    assertThat(hold.getAssignee()).isEqualTo("alice");
    assertThat(lookups).as("one query per execution on the way up, not one per expression").isEqualTo(2);
  }

  @Test
  void aLateTickHandsOutEveryDayThatCameAndTheNextTimerWaitsForTheDayAfter() {
    ProcessInstance plan = start(2067, "ACC-003"); // Strategic; 14-18 March 2067 is Monday to Friday
    Map<String, Object> calendar = proposal(ritual("internalReview", "2067-03-14", null),
        ritual("operationsMeeting", "2067-03-15", "Head of logistics"),
        ritual("internalReview", "2067-03-16", null),
        ritual("customerBusinessReview", "2067-03-18", "CFO"));
    calendar.put("justification", "A short calendar to catch up on");
    complete(plan, "alice", "kam", calendar);
    complete(plan, "diane", "programme-director", Map.of("calendarDecision", "validate"));
    Job first = nextRitualDay(plan, "2067-03-14T07:00:00Z");

    try {
      // the node was down: the timer runs at 08:00 on the 15th, when the 14th's and the 15th's rituals are due
      ClockUtil.setCurrentTime(at("2067-03-15T08:00:00Z"));
      managementService.executeJob(first.getId());
      assertThat(heldOn(plan)).containsExactlyInAnyOrder("2067-03-14", "2067-03-15");
      Job second = nextRitualDay(plan, "2067-03-16T07:00:00Z");

      // run early, before the 16th's 07:00 (an operator's retry): that day only, not the 18th
      ClockUtil.setCurrentTime(at("2067-03-16T06:00:00Z"));
      managementService.executeJob(second.getId());
      assertThat(heldOn(plan)).containsExactlyInAnyOrder("2067-03-14", "2067-03-15", "2067-03-16");
      nextRitualDay(plan, "2067-03-18T07:00:00Z");
    } finally {
      ClockUtil.reset();
    }
  }

  /** The planned days of the plan's open "Hold ritual" tasks. */
  private List<String> heldOn(ProcessInstance plan) {
    return taskService.createTaskQuery().processInstanceId(plan.getId()).taskDefinitionKey("holdRitual").list()
        .stream().map(task -> String.valueOf(taskService.getVariable(task.getId(), "plannedDate"))).toList();
  }

  /** How often H2 ran the statement while the action ran (H2's query statistics, on only meanwhile). */
  private long statementsRunDuring(String sql, Runnable action) {
    jdbc.execute("SET QUERY_STATISTICS_MAX_ENTRIES 10000");
    jdbc.execute("SET QUERY_STATISTICS TRUE");
    try {
      action.run();
      return jdbc.queryForList("select execution_count from information_schema.query_statistics where sql_statement = ?",
          Long.class, sql).stream().mapToLong(Long::longValue).sum();
    } finally {
      jdbc.execute("SET QUERY_STATISTICS FALSE");
    }
  }

  /** The plan's one timer for its rituals: the next day that has some, at the configured time. */
  private Job nextRitualDay(ProcessInstance plan, String dueAt) {
    Job next = managementService.createJobQuery().processInstanceId(plan.getId()).timers()
        .activityId("nextRitualDay").singleResult();
    assertThat(next.getDuedate()).isEqualTo(at(dueAt));
    return next;
  }

  private void validateAsProposed(ProcessInstance plan) {
    SpinJsonNode rows = (SpinJsonNode) runtimeService.getVariable(plan.getId(), "rituals");
    List<Map<String, Object>> rituals = rows.elements().stream().map(row -> ritual(row.prop("ritualType").stringValue(),
        row.prop("date").stringValue(), "Procurement lead")).toList();
    complete(plan, task(plan).getAssignee(), "kam", proposal(rituals.toArray(Map[]::new)));
    complete(plan, "diane", "programme-director", Map.of("calendarDecision", "validate"));
  }

  private ProcessInstance start(int year, String accountId) {
    return runtimeService.startProcessInstanceByKey("ritualPlan", year + "-" + accountId);
  }

  private void runDueJobs() {
    managementService.createJobQuery().executable().list().forEach(job -> managementService.executeJob(job.getId()));
  }

  @SafeVarargs
  private static Map<String, Object> proposal(Map<String, Object>... rituals) {
    Map<String, Object> form = new HashMap<>();
    form.put("rituals", Spin.JSON(List.of(rituals)));
    return form;
  }

  private static Map<String, Object> ritual(String type, String date, String participants) {
    Map<String, Object> ritual = new HashMap<>();
    ritual.put("ritualType", type);
    ritual.put("date", date);
    ritual.put("customerParticipants", participants);
    return ritual;
  }

  private static Date at(String instant) {
    return Date.from(java.time.Instant.parse(instant));
  }

  private void complete(ProcessInstance instance, String user, String group, Map<String, Object> variables) {
    complete(task(instance), user, group, variables);
  }

  private void complete(Task task, String user, String group, Map<String, Object> variables) {
    AsUser.complete(identityService, taskService, task, user, group, variables);
  }
}
