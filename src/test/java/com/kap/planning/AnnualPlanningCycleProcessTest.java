package com.kap.planning;

import static com.kap.support.GroupTasks.assertGroupTaskOfSoleMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.kap.planning.internal.AccountPlanRepository;
import com.kap.planning.internal.CycleRepository;
import com.kap.portfolio.CycleSegment;
import com.kap.portfolio.PortfolioImportService;
import com.kap.portfolio.PortfolioSegmentation;
import com.kap.portfolio.Segment;
import com.kap.portfolio.internal.CycleSegmentRepository;
import com.kap.portfolio.internal.PortfolioCsvParser;
import com.kap.support.ProcessTest;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ProcessTest
class AnnualPlanningCycleProcessTest {

  @Autowired FormService formService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired CycleSegmentRepository cycleSegments;
  @Autowired CycleRepository cycles;
  @Autowired AccountPlanRepository accountPlans;
  @Autowired PortfolioImportService importService;
  @Autowired PortfolioSegmentation segmentation;
  @Autowired CyclePlans cyclePlans;

  @AfterEach
  void reset() {
    identityService.clearAuthentication();
    ClockUtil.reset();
  }

  @Test
  void segmentsThePortfolioAndStoresTheDirectorsOverrides() {
    ProcessInstance cycle = start(2031);
    assertThat(cycle).isStarted().hasBusinessKey("2031").isWaitingAt("segmentPortfolio");
    PlanningCycle registered = cycles.find(2031).orElseThrow();
    assertThat(registered.planDeadline()).hasToString("2030-12-15");
    assertThat(registered.closingDate()).hasToString("2031-03-31");

    execute(job(cycle));

    assertThat(cycle).isWaitingAt("validateSegmentation");
    assertGroupTaskOfSoleMember(task(cycle), "programme-director", "diane");
    Map<String, Object> shown = runtimeService.getVariables(cycle.getId());
    int accounts = (Integer) shown.get("accountCount");
    assertThat(accounts).isEqualTo(cycleSegments.findByYear(2031).size()).isGreaterThanOrEqualTo(24);
    assertThat((Integer) shown.get("strategicCount") + (Integer) shown.get("starCount")
        + (Integer) shown.get("statusCount") + (Integer) shown.get("streamlineCount")).isEqualTo(accounts);
    assertThat(shown.get("matrixImage").toString()).contains("data:image/svg+xml;base64,");
    assertThat(shown.get("portfolioTable").toString()).contains("ACC-001");

    validate(cycle, Spin.JSON("[{\"accountId\":\"ACC-024\",\"segment\":\"Strategic\","
        + "\"reason\":\"Board-level partnership signed in October\"}]"));

    assertThat(cycle).isWaitingAt("startAccountPlans#multiInstanceBody");
    CycleSegment overridden = segment(2031, "ACC-024");
    assertThat(overridden.computedSegment()).isEqualTo(Segment.STREAMLINE);
    assertThat(overridden.segment()).isEqualTo(Segment.STRATEGIC);
    assertThat(overridden.override().reason()).isEqualTo("Board-level partnership signed in October");
    assertThat(overridden.override().by()).isEqualTo("diane");
    assertThat(segment(2031, "ACC-001").override()).isNull();
  }

  @Test
  void fansOutOnePlanPerAccountInJobsOfAHundredAccounts() {
    ProcessInstance cycle = startAndValidate(2032);
    int accounts = cycleSegments.findByYear(2032).size();

    execute(job(cycle)); // the multi-instance body: one job per 100 accounts follows

    List<Job> chunks = managementService.createJobQuery().processInstanceId(cycle.getId()).messages().list();
    assertThat(chunks).hasSize((accounts + 99) / 100);
    assertThat(chunks).as("not exclusive: every worker of every node starts plans at once")
        .noneMatch(chunk -> ((JobEntity) chunk).isExclusive());
    runJobs(cycle);

    List<ProcessInstance> plans = runtimeService.createProcessInstanceQuery().processDefinitionKey("accountPlan")
        .processInstanceBusinessKeyLike("2032-%").list();
    assertThat(plans).hasSize(accounts);
    assertThat(plans).extracting(ProcessInstance::getBusinessKey).contains("2032-ACC-001", "2032-ACC-024")
        .doesNotHaveDuplicates();
    assertThat(cycle).isWaitingAt("waitForPlans");
    Task draft = taskService.createTaskQuery().processInstanceBusinessKey("2032-ACC-001").singleResult();
    assertThat(draft.getTaskDefinitionKey()).isEqualTo("draftAccountPlan");
    assertThat(draft.getAssignee()).isEqualTo("bruno");
    assertThat(draft.getDueDate()).isEqualTo(Date.from(Instant.parse("2031-12-16T00:00:00Z")));
  }

  @Test
  void plansApprovedBeforeTheCycleWaitsForThemDoNotLeaveItWaiting() {
    ProcessInstance cycle = startAndValidate(2030);
    execute(job(cycle));
    Job chunk = managementService.createJobQuery().processInstanceId(cycle.getId()).messages().singleResult();
    managementService.executeJob(chunk.getId());
    // every plan approved while the fan-out's last join is still queued: no one listens for the message yet
    for (CycleSegment planned : cycleSegments.findByYear(2030)) {
      accountPlans.approve(2030, planned.accountId(), 1, Instant.now());
    }

    runJobs(cycle);

    assertThat(cycle).isWaitingAt("consolidateTrainingPlan");
  }

  /**
   * Approvals no longer take the cycle's row: each approved plan's next job asks whether it was the last. When the
   * last approvals' jobs run at once (16 here), the cycle still moves on exactly once.
   */
  @Test
  void sixteenLastApprovalsCheckedAtOnceMoveTheCycleOnExactlyOnce() throws Exception {
    ProcessInstance cycle = startAndValidate(2059);
    runJobs(cycle);
    assertThat(cycle).isWaitingAt("waitForPlans");
    for (CycleSegment planned : cycleSegments.findByYear(2059)) {
      accountPlans.approve(2059, planned.accountId(), 1, Instant.now());
    }
    java.util.concurrent.ExecutorService approvers = java.util.concurrent.Executors.newFixedThreadPool(16);
    java.util.concurrent.CountDownLatch together = new java.util.concurrent.CountDownLatch(1);
    List<java.util.concurrent.Future<?>> checks = new java.util.ArrayList<>();
    for (int i = 0; i < 16; i++) {
      checks.add(approvers.submit(() -> {
        together.await();
        cyclePlans.planApproved(2059);
        return null;
      }));
    }
    together.countDown();
    for (java.util.concurrent.Future<?> check : checks) {
      check.get(60, java.util.concurrent.TimeUnit.SECONDS);
    }
    approvers.shutdown();
    runJobs(cycle);

    assertThat(cycle).isWaitingAt("consolidateTrainingPlan");
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(cycle.getId())
        .activityId("allPlansApproved").count()).as("the cycle moved on once").isEqualTo(1);
    assertThat(cycles.markAllPlansApproved(2059, Instant.now())).as("already noted").isFalse();
  }

  @Test
  void aRetriedChunkStartsOnlyTheMissingPlans() {
    ProcessInstance cycle = startAndValidate(2039);
    execute(job(cycle));
    Job chunk = managementService.createJobQuery().processInstanceId(cycle.getId()).messages().singleResult();
    runtimeService.startProcessInstanceByKey("accountPlan", "2039-ACC-005", Map.of("year", 2039,
        "accountId", "ACC-005", "planDeadline", "2038-12-15",
        "planDeadlineDue", Date.from(Instant.parse("2038-12-16T00:00:00Z")),
        "reminderDue", Date.from(Instant.parse("2038-12-08T09:00:00Z"))));

    managementService.executeJob(chunk.getId());

    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("2039-ACC-005").count())
        .isEqualTo(1);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike("2039-%").count())
        .isEqualTo(cycleSegments.findByYear(2039).size());
  }

  @Test
  void theClosingDateClosesOpenPlansAndTheCoordinatorConsolidatesTrainingNeeds() {
    ProcessInstance cycle = startAndValidate(2033);
    execute(job(cycle));
    runJobs(cycle);
    AccountPlanProcessTest.submitGoodPlan(taskService, identityService, "2033-ACC-001");

    Job closing = managementService.createJobQuery().processInstanceId(cycle.getId()).timers().singleResult();
    assertThat(closing.getDuedate()).isEqualTo(Date.from(Instant.parse("2033-04-01T00:00:00Z")));
    execute(closing);
    runBatches();

    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike("2033-%").count()).isZero();
    assertThat(accountPlans.findByYear(2033)).as("drafted or in review at the closing date: closed, records kept")
        .isNotEmpty().allMatch(plan -> plan.status() == com.kap.planning.AccountPlan.Status.CLOSED);
    assertThat(cycle).isWaitingAt("collectTrainingNeeds");
    execute(job(cycle));
    assertThat(cycle).isWaitingAt("consolidateTrainingPlan");
    assertGroupTaskOfSoleMember(task(cycle), "training-coordinator", "hana");
    Map<String, Object> needs = runtimeService.getVariables(cycle.getId());
    assertThat(needs.get("trainingNeedCount")).isEqualTo(2);
    assertThat(needs.get("trainingNeedsKam").toString()).contains("ACC-001", "Negotiating value");
    assertThat(needs.get("trainingNeedsSeniorManagement").toString()).contains("Executive sponsorship");

    identityService.setAuthentication("hana", List.of("training-coordinator"));
    assertThatThrownBy(() -> complete(task(cycle), withVariables("trainingPlan", " ")))
        .hasMessageContaining("trainingPlan: is required");
    complete(task(cycle), withVariables("trainingPlan", "Value selling course for all KAMs in Q2"));
    identityService.clearAuthentication();

    assertThat(cycle).isEnded();
    assertThat(cycles.find(2033).orElseThrow().trainingPlan()).isEqualTo("Value selling course for all KAMs in Q2");
  }

  @Test
  void cancellingACycleRemovesItsPlansAndLetsTheYearStartAfresh() {
    ProcessInstance cycle = start(2038);
    execute(job(cycle));
    validate(cycle, Spin.JSON("[{\"accountId\":\"ACC-003\",\"segment\":\"Star\",\"reason\":\"Lost the CEO\"}]"));
    execute(job(cycle));
    runJobs(cycle);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike("2038-%").count()).isPositive();

    runtimeService.deleteProcessInstance(cycle.getId(), "started with the wrong dates");
    runBatches();

    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike("2038-%").count()).isZero();
    assertThat(cycles.find(2038)).isEmpty();
    assertThat(cycleSegments.findByYear(2038)).isEmpty();
    ProcessInstance again = start(2038);
    assertThat(again).isWaitingAt("segmentPortfolio");
  }

  @Test
  void refusesOverridesTheServerCannotAccept() {
    ProcessInstance cycle = start(2034);
    execute(job(cycle));

    assertRefused(cycle, "[{\"accountId\":\"ACC-001\",\"segment\":\"Star\",\"reason\":\"  \"}]",
        "overrides[0].reason: is required");
    assertRefused(cycle, "[{\"accountId\":\"ACC-001\",\"segment\":\"Gold\",\"reason\":\"why\"}]",
        "overrides[0].segment: 'Gold' is not a segment");
    assertRefused(cycle, "[{\"accountId\":\"NO-SUCH\",\"segment\":\"Star\",\"reason\":\"why\"}]",
        "overrides[0].accountId: account 'NO-SUCH' is not in the 2034 segmentation");
    assertRefused(cycle, "[{\"accountId\":\"ACC-001\",\"segment\":\"Star\",\"reason\":\"a\"},"
        + "{\"accountId\":\"ACC-001\",\"segment\":\"Status\",\"reason\":\"b\"}]",
        "overrides[1].accountId: account 'ACC-001' is overridden twice");
    assertRefused(cycle, "{\"accountId\":\"ACC-001\"}", "overrides: must be a list of entries");
    assertRefused(cycle, "[null]", "overrides[0].accountId: is required");
    assertRefused(cycle, "[{\"accountId\":\"ACC-001\",\"segment\":\"Strategic\",\"reason\":\"why\"}]",
        "overrides[0].segment: account 'ACC-001' is already Strategic by its scores");

    assertThat(cycle).isWaitingAt("validateSegmentation");
    assertThat(cycleSegments.findByYear(2034)).allSatisfy(s -> assertThat(s.override()).isNull());
  }

  @Test
  void refusesASecondCycleForTheSameYear() {
    start(2035);

    assertThatThrownBy(() -> start(2035)).hasMessageContaining("year: a planning cycle for 2035 has already been started");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("2035").count()).isEqualTo(1);
  }

  @Test
  void refusesStartValuesTheServerCannotAccept() {
    assertThatThrownBy(() -> start(1999)).hasMessageContaining("year: must be from 2000 to 2199, was 1999");
    assertThatThrownBy(() -> startWith(Map.of("year", "next", "planDeadline", "2040-12-15", "closingDate", "2041-03-31")))
        .hasMessageContaining("year: must be a whole number");
    assertThatThrownBy(() -> startWith(Map.of("planDeadline", "2040-12-15", "closingDate", "2041-03-31")))
        .hasMessageContaining("year: is required");
    assertThatThrownBy(() -> startWith(Map.of("year", 2041, "planDeadline", "15/12/2040", "closingDate", "2041-03-31")))
        .hasMessageContaining("planDeadline: must be a date like 2027-03-31");
    assertThatThrownBy(() -> startWith(Map.of("year", 2041, "planDeadline", "2040-12-15", "closingDate", "2040-12-01")))
        .hasMessageContaining("closingDate: must be after the plan deadline 12/15/2040");
    assertThatThrownBy(() -> startWith(Map.of("year", 2041, "planDeadline", "2001-12-15", "closingDate", "2041-03-31")))
        .hasMessageContaining("planDeadline: must not be in the past");
    assertThat(cycles.find(2041)).isEmpty();
  }

  @Test
  void theYearlyTimerStartsNextYearsCycleOnceOnly() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2079-10-01T06:00:00Z")));
    Job timer = managementService.createJobQuery().processDefinitionKey("annualCycleSchedule").timers()
        .activityId("cycleDateReached").singleResult();
    assertThat(timer).as("the timer start event of the deployed schedule").isNotNull();

    managementService.executeJob(timer.getId());

    ProcessInstance scheduled = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("2080")
        .singleResult();
    assertThat(scheduled).isWaitingAt("segmentPortfolio");
    assertThat(cycles.find(2080).orElseThrow().planDeadline()).hasToString("2079-12-15");
    assertThat(cycles.find(2080).orElseThrow().closingDate()).hasToString("2080-03-31");

    Job next = managementService.createJobQuery().processDefinitionKey("annualCycleSchedule").timers()
        .activityId("cycleDateReached").singleResult();
    managementService.executeJob(next.getId());

    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("annualPlanningCycle")
        .processInstanceBusinessKey("2080").count()).isEqualTo(1);
    assertThat(historyService.createHistoricActivityInstanceQuery().activityId("cycleAlreadyRunning").count())
        .isEqualTo(1);
  }

  @Test
  void warnsWhenStrategicAndStarExceedTheFocusLimit() {
    StringBuilder csv = new StringBuilder(String.join(",", PortfolioCsvParser.REQUIRED_COLUMNS)).append('\n');
    for (int i = 1; i <= 30; i++) {
      csv.append("FOCUS-").append(i).append(",Focus ").append(i).append(",EMEA,alice,gilles,9,9,9,9,9,9,9,9,9,9,9,9\n");
    }
    importService.importCsv(csv.toString());
    ProcessInstance cycle = start(2036);

    execute(job(cycle));

    Map<String, Object> shown = runtimeService.getVariables(cycle.getId());
    assertThat((Integer) shown.get("focusCount")).isGreaterThan(35);
    assertThat(shown.get("focusLimitExceeded")).isEqualTo(true);
    assertThat(shown.get("focusLimit")).isEqualTo(35);
  }

  @Test
  void aRetriedSegmentationWritesNothingTwiceAndKeepsOverrides() {
    ProcessInstance cycle = start(2037);
    execute(job(cycle));
    validate(cycle, Spin.JSON("[{\"accountId\":\"ACC-002\",\"segment\":\"Status\",\"reason\":\"Losing the tender\"}]"));
    int rows = cycleSegments.findByYear(2037).size();

    segmentation.segment(2037); // what the delegate does again when its job is retried

    assertThat(cycleSegments.findByYear(2037)).hasSize(rows);
    assertThat(segment(2037, "ACC-002").segment()).isEqualTo(Segment.STATUS);
  }

  /** Runs the cycle's asynchronous continuations until none is left (the job executor is paused in tests). */
  private void runJobs(ProcessInstance cycle) {
    List<Job> jobs;
    while (!(jobs = managementService.createJobQuery().processInstanceId(cycle.getId()).messages().list()).isEmpty()) {
      jobs.forEach(j -> managementService.executeJob(j.getId()));
    }
  }

  /** Runs Camunda batch jobs (e.g. the deletion of open plans) until none is due. */
  private void runBatches() {
    List<Job> jobs;
    while (!(jobs = managementService.createJobQuery().executable().list().stream()
        .filter(j -> j.getProcessInstanceId() == null).toList()).isEmpty()) {
      jobs.forEach(j -> managementService.executeJob(j.getId()));
    }
  }

  private ProcessInstance startAndValidate(int year) {
    ProcessInstance cycle = start(year);
    execute(job(cycle));
    validate(cycle, null);
    return cycle;
  }

  /** Starts and completes as diane, with her authorizations; the assertions look as an administrator would. */
  private <T> T asDiane(java.util.function.Supplier<T> action) {
    identityService.setAuthentication("diane", List.of("programme-director"));
    try {
      return action.get();
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void validate(ProcessInstance cycle, Object overrides) {
    Task task = task(cycle);
    asDiane(() -> {
      complete(task, withVariables("overrides", overrides));
      return null;
    });
  }

  private void assertRefused(ProcessInstance cycle, String overrides, String message) {
    String taskId = task(cycle).getId();
    assertThatThrownBy(() -> validate(cycle, Spin.JSON(overrides))).hasMessageContaining(message);
    assertThat(task(cycle).getId()).isEqualTo(taskId);
  }

  private CycleSegment segment(int year, String accountId) {
    return cycleSegments.findByYear(year).stream().filter(s -> s.accountId().equals(accountId)).findFirst()
        .orElseThrow();
  }

  private ProcessInstance start(int year) {
    return startWith(Map.of("year", year, "planDeadline", (year - 1) + "-12-15", "closingDate", year + "-03-31"));
  }

  private ProcessInstance startWith(Map<String, Object> variables) {
    String definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey("annualPlanningCycle")
        .latestVersion().singleResult().getId();
    return asDiane(() -> formService.submitStartForm(definitionId, new HashMap<>(variables)));
  }
}
