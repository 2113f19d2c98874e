package com.kap.planning;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.kap.support.DiagramTest;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.camunda.bpm.engine.test.Deployment;

/**
 * annualPlanningCycle.bpmn on the lightweight engine: segmentation, the plans started in chunks (multi-instance,
 * asynchronous), then all plans approved already, approved while waiting, or the closing date; training plan; and a
 * cancelled cycle.
 */
@Deployment(resources = {"annualPlanningCycle.bpmn", "startAnnualCycle.form", "validateSegmentation.form",
    "consolidateTrainingPlan.form"})
class AnnualPlanningCycleDiagramTest extends DiagramTest {

  private static final Date CLOSING_DUE = Date.from(Instant.parse("2031-12-31T22:59:59Z"));

  private CyclePlans cyclePlans;
  private JavaDelegate startPlanChunk;
  private JavaDelegate closeOpenPlans;
  private ExecutionListener applySegmentOverrides;
  private ExecutionListener recordTrainingPlan;
  private ExecutionListener cycleCancelled;

  @BeforeEach
  void mocks() {
    delegateSetting("registerCycle", Map.of("year", 2031, "closingDue", CLOSING_DUE));
    delegate("segmentPortfolio");
    applySegmentOverrides = listener("applySegmentOverrides");
    startPlanChunk = delegate("startPlanChunk");
    closeOpenPlans = delegate("closeOpenPlans");
    delegate("collectTrainingNeeds");
    recordTrainingPlan = listener("recordTrainingPlan");
    cycleCancelled = listener("cycleCancelled");
    cyclePlans = bean("cyclePlans", CyclePlans.class);
    when(cyclePlans.chunks(any(DelegateExecution.class))).thenReturn(List.of(0, 1, 2));
    when(cyclePlans.chunks(anyInt())).thenReturn(List.of(0, 1, 2));
  }

  private void allApproved(boolean approved) {
    when(cyclePlans.allApproved(any(DelegateExecution.class))).thenReturn(approved);
    when(cyclePlans.allApproved(anyInt())).thenReturn(approved);
  }

  /** Up to the plans started: segmentation validated, every chunk's asynchronous continuations run. */
  private ProcessInstance startPlans() throws Exception {
    ProcessInstance cycle = runtimeService().startProcessInstanceByKey("annualPlanningCycle");
    assertThat(cycle).hasPassed("registerCycle").isWaitingAt("segmentPortfolio");
    execute(job());
    assertThat(cycle).isWaitingAt("validateSegmentation").task().hasCandidateGroup("programme-director");
    complete(task());
    verify(applySegmentOverrides).notify(any());
    // the multi-instance body's continuation, then each chunk's before and after: run until none is left
    for (int jobs = 0; jobs < 50; jobs++) {
      List<Job> chunkJobs = new java.util.ArrayList<>();
      for (String activity : List.of("startAccountPlans#multiInstanceBody", "startAccountPlans")) {
        chunkJobs.addAll(managementService().createJobQuery().processInstanceId(cycle.getId()).activityId(activity)
            .messages().list());
      }
      if (chunkJobs.isEmpty()) {
        break;
      }
      managementService().executeJob(chunkJobs.get(0).getId());
    }
    verify(startPlanChunk, times(3)).execute(any());
    return cycle;
  }

  private void trainingPlanCloses(ProcessInstance cycle) throws Exception {
    assertThat(cycle).isWaitingAt("collectTrainingNeeds");
    execute(job());
    assertThat(cycle).isWaitingAt("consolidateTrainingPlan").task().hasCandidateGroup("training-coordinator");
    complete(task());
    verify(recordTrainingPlan).notify(any());
    assertThat(cycle).hasPassed("cycleClosed").isEnded();
  }

  @Test
  void plansApprovedBeforeTheWait() throws Exception {
    allApproved(true);
    ProcessInstance cycle = startPlans();

    assertThat(cycle).hasNotPassed("waitForPlans");
    trainingPlanCloses(cycle);
    verify(closeOpenPlans, never()).execute(any());
  }

  @Test
  void plansApprovedWhileWaiting() throws Exception {
    allApproved(false);
    ProcessInstance cycle = startPlans();
    assertThat(cycle).isWaitingAt("waitForPlans");
    org.assertj.core.api.Assertions.assertThat(job().getDuedate()).isEqualTo(CLOSING_DUE);

    runtimeService().createMessageCorrelation("allPlansApproved").processInstanceId(cycle.getId()).correlate();

    assertThat(cycle).hasPassed("allPlansApproved").hasNotPassed("closingDatePassed");
    trainingPlanCloses(cycle);
    verify(closeOpenPlans, never()).execute(any());
  }

  @Test
  void closingDateClosesTheOpenPlans() throws Exception {
    allApproved(false);
    ProcessInstance cycle = startPlans();

    execute(job());

    assertThat(cycle).hasPassed("closingDatePassed", "closeOpenPlans").hasNotPassed("allPlansApproved");
    verify(closeOpenPlans).execute(any());
    trainingPlanCloses(cycle);
  }

  @Test
  void cancellingTheCycleTellsTheListener() throws Exception {
    allApproved(false);
    ProcessInstance cycle = startPlans();

    runtimeService().deleteProcessInstance(cycle.getId(), "cancelled by the programme director");

    assertThat(cycle).isEnded();
    verify(cycleCancelled).notify(any());
  }
}
