package com.kap.rituals;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.kap.rituals.internal.RitualFacts;
import com.kap.support.DiagramTest;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ritualPlan.bpmn on the lightweight engine: the calendar proposed, sent back or validated; the ritual days coming
 * one after another, one timer per plan; each occurrence held, moved to another day, or missed and followed up; the
 * year complete or over; the segment changed; the account removed.
 */
@Deployment(resources = {"ritualPlan.bpmn", "proposeRitualCalendar.form", "validateRitualCalendar.form",
    "holdRitual.form", "followUpMissedRitual.form"})
class RitualPlanDiagramTest extends DiagramTest {

  private static final Date RITUAL_DAY = Date.from(Instant.parse("2031-04-02T08:00:00Z"));
  private static final Date NEW_DAY = Date.from(Instant.parse("2031-04-09T08:00:00Z"));
  private static final Date END_OF_DAY = Date.from(Instant.parse("2031-04-02T21:59:59Z"));
  private static final Date GRACE_END = Date.from(Instant.parse("2031-04-16T21:59:59Z"));
  private static final Date YEAR_OVER = Date.from(Instant.parse("2031-12-31T22:59:59Z"));

  private RitualFacts ritualFacts;
  private JavaDelegate proposeRitualDates;
  private ExecutionListener recordRitual;
  private JavaDelegate recordMissedRitual;
  private JavaDelegate endRitualPlan;
  private JavaDelegate changeRitualSegment;
  private JavaDelegate releaseRitualDay;

  @BeforeEach
  void mocks() {
    listener("registerRitualPlan");
    proposeRitualDates = delegate("proposeRitualDates");
    listener("recordRitualProposal");
    taskListener("showRitualCalendar");
    delegate("scheduleRituals");
    releaseRitualDay = delegate("releaseRitualDay");
    listener("bindOccurrence");
    taskListener("declareRecordFields");
    taskListener("showOccurrence");
    recordRitual = listener("recordRitual");
    recordMissedRitual = delegate("recordMissedRitual");
    endRitualPlan = delegate("endRitualPlan");
    changeRitualSegment = delegate("changeRitualSegment");
    ritualFacts = bean("ritualFacts", RitualFacts.class);
    when(ritualFacts.kam(any())).thenReturn("kam");
    when(ritualFacts.host(any())).thenReturn("host");
    when(ritualFacts.hostGroups(any())).thenReturn(List.of("kam"));
    when(ritualFacts.moreRitualDays(any())).thenReturn(true, false);
    when(ritualFacts.nextRitualDayAt(any())).thenReturn(RITUAL_DAY);
    when(ritualFacts.released(any())).thenReturn(List.of(7L));
    when(ritualFacts.dueAt(any())).thenReturn(NEW_DAY);
    when(ritualFacts.endOfDay(any())).thenReturn(END_OF_DAY);
    when(ritualFacts.graceEnd(any())).thenReturn(GRACE_END);
    when(ritualFacts.yearOver(any())).thenReturn(YEAR_OVER);
  }

  private ProcessInstance proposeCalendar() {
    ProcessInstance plan = runtimeService().startProcessInstanceByKey("ritualPlan");
    assertThat(plan).isWaitingAt("proposeRitualCalendar").task().isAssignedTo("kam");
    org.assertj.core.api.Assertions.assertThat(job("cycleYearOver").getDuedate()).isEqualTo(YEAR_OVER);
    return plan;
  }

  /** The calendar validated at once; the ritual's day comes. */
  private ProcessInstance untilRitualDay() throws Exception {
    listenerSetting("decideRitualCalendar", Map.of("calendarValidated", true));
    ProcessInstance plan = proposeCalendar();
    complete(task());
    complete(task("validateRitualCalendar"));
    return ritualDayComes(plan);
  }

  /** The plan's one timer comes: the day's rituals are handed out, each to its branch; no day is left after it. */
  private ProcessInstance ritualDayComes(ProcessInstance plan) throws Exception {
    assertThat(plan).hasPassed("scheduleRituals").isWaitingAt("nextRitualDay").hasNotPassed("holdRitual");
    org.assertj.core.api.Assertions.assertThat(job("nextRitualDay").getDuedate()).isEqualTo(RITUAL_DAY);
    execute(job("nextRitualDay"));
    verify(releaseRitualDay).execute(any());
    assertThat(plan).hasPassed("releaseRitualDay", "noRitualDayLeft").isWaitingAt("holdRitual").task()
        .isAssignedTo("host").hasCandidateGroupAssociated("kam").hasDueDate(END_OF_DAY);
    return plan;
  }

  private void yearCompleteClosesThePlan(ProcessInstance plan) throws Exception {
    execute(job("ritualOccurrence")); // the occurrence's continuation after it ends
    assertThat(plan).hasPassed("ritualYearComplete", "closeRitualPlan", "ritualPlanClosed").isEnded();
    verify(endRitualPlan).execute(any());
  }

  @Test
  void ritualDaysComeOneAfterAnotherWithOneTimerPerPlan() throws Exception {
    when(ritualFacts.moreRitualDays(any())).thenReturn(true, true, false);
    when(ritualFacts.released(any())).thenReturn(List.of(7L), List.of(8L, 9L));
    listenerSetting("decideRitualCalendar", Map.of("calendarValidated", true));
    ProcessInstance plan = proposeCalendar();
    complete(task());
    complete(task("validateRitualCalendar"));
    assertThat(plan).isWaitingAt("nextRitualDay");
    org.assertj.core.api.Assertions.assertThat(timers(plan)).as("one timer for the plan's rituals").hasSize(1);

    execute(job("nextRitualDay"));
    assertThat(plan).isWaitingAt("holdRitual", "nextRitualDay").hasNotPassed("noRitualDayLeft");
    execute(job("nextRitualDay"));

    assertThat(plan).hasPassed("noRitualDayLeft");
    org.assertj.core.api.Assertions.assertThat(runtimeService().createExecutionQuery()
        .processInstanceId(plan.getId()).activityId("holdRitual").count()).as("a branch per ritual").isEqualTo(3);
    verify(releaseRitualDay, times(2)).execute(any());
  }

  @Test
  void noRitualPlannedEndsTheDaysAtOnce() throws Exception {
    when(ritualFacts.moreRitualDays(any())).thenReturn(false);
    when(ritualFacts.moved(any())).thenReturn(false);
    listenerSetting("decideRitualCalendar", Map.of("calendarValidated", true));
    ProcessInstance plan = proposeCalendar();
    complete(task());
    complete(task("validateRitualCalendar"));

    assertThat(plan).hasPassed("noRitualDayLeft").hasNotPassed("nextRitualDay", "ritualOccurrence")
        .isEnded().hasPassed("closeRitualPlan");
  }

  /** The plan's timers but the year's end. */
  private List<org.camunda.bpm.engine.runtime.Job> timers(ProcessInstance plan) {
    return org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService().createJobQuery()
        .processInstanceId(plan.getId()).timers().list().stream()
        .filter(timer -> !timer.getId().equals(job("cycleYearOver").getId()))
        .toList();
  }

  @Test
  void ritualHeldOnItsDay() throws Exception {
    when(ritualFacts.moved(any())).thenReturn(false);
    ProcessInstance plan = untilRitualDay();

    complete(task("holdRitual"));

    assertThat(plan).hasPassed("ritualRecorded").hasNotPassed("recordMissedRitual");
    verify(recordRitual).notify(any());
    yearCompleteClosesThePlan(plan);
  }

  @Test
  void calendarSentBackIsProposedAgain() throws Exception {
    listenerSetting("decideRitualCalendar", Map.of("calendarValidated", false), Map.of("calendarValidated", true));
    ProcessInstance plan = proposeCalendar();

    complete(task());
    complete(task("validateRitualCalendar"));
    assertThat(plan).isWaitingAt("proposeRitualCalendar").hasNotPassed("scheduleRituals");
    complete(task());
    complete(task("validateRitualCalendar"));

    ritualDayComes(plan);
    verify(proposeRitualDates).execute(any());
  }

  @Test
  void ritualMovedWaitsForItsNewDay() throws Exception {
    when(ritualFacts.moved(any())).thenReturn(true, false);
    ProcessInstance plan = untilRitualDay();

    complete(task("holdRitual"));
    assertThat(plan).isWaitingAt("ritualDay");
    org.assertj.core.api.Assertions.assertThat(job("ritualDay").getDuedate()).isEqualTo(NEW_DAY);
    execute(job("ritualDay"));
    assertThat(plan).isWaitingAt("holdRitual");
    complete(task("holdRitual"));

    verify(recordRitual, times(2)).notify(any());
    assertThat(plan).hasPassed("ritualRecorded");
    yearCompleteClosesThePlan(plan);
  }

  @Test
  void missedRitualIsFollowedUp() throws Exception {
    ProcessInstance plan = untilRitualDay();
    org.assertj.core.api.Assertions.assertThat(job("gracePeriodPassed").getDuedate()).isEqualTo(GRACE_END);

    execute(job("gracePeriodPassed"));
    verify(recordMissedRitual).execute(any());
    assertThat(plan).isWaitingAt("followUpMissedRitual").task().hasCandidateGroup("programme-director");
    complete(task("followUpMissedRitual"));

    assertThat(plan).hasPassed("missedRitualFollowedUp").hasNotPassed("ritualRecorded");
    yearCompleteClosesThePlan(plan);
  }

  @Test
  void cycleYearOverClosesThePlanWithRitualsOpen() throws Exception {
    ProcessInstance plan = untilRitualDay();

    execute(job("cycleYearOver"));

    assertThat(plan).hasPassed("cycleYearOver", "closeRitualPlan", "ritualPlanClosed")
        .hasNotPassed("ritualYearComplete").isEnded();
    verify(endRitualPlan).execute(any());
  }

  @Test
  void segmentChangedStartsTheYearAgain() throws Exception {
    ProcessInstance plan = proposeCalendar();

    runtimeService().createMessageCorrelation("segmentChanged").processInstanceId(plan.getId()).correlate();

    verify(changeRitualSegment).execute(any());
    verify(proposeRitualDates, times(2)).execute(any());
    assertThat(plan).hasPassed("segmentChanged").isWaitingAt("proposeRitualCalendar");
  }

  @Test
  void accountRemovedEndsThePlanEarly() throws Exception {
    ProcessInstance plan = untilRitualDay();

    runtimeService().createMessageCorrelation("accountRemoved").processInstanceId(plan.getId()).correlate();

    assertThat(plan).hasPassed("endForRemovedAccount", "ritualPlanEndedEarly").hasNotPassed("closeRitualPlan")
        .isEnded();
    verify(endRitualPlan).execute(any());
    verify(recordMissedRitual, never()).execute(any());
  }
}
