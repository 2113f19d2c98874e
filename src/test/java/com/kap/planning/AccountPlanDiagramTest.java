package com.kap.planning;

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

import com.kap.support.DiagramTest;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * accountPlan.bpmn on the lightweight engine, with the real segmentServiceLevels table: drafting, the quality gate's
 * loop, the sponsor's review for Strategic accounts only, approval or sent back, the ritual plan started; and the two
 * non-interrupting timers on the plan in progress (reminder, deadline with its overdue task).
 */
@Deployment(resources = {"accountPlan.bpmn", "segmentServiceLevels.dmn", "draftAccountPlan.form",
    "reviewPlanAsSponsor.form", "approveAccountPlan.form", "handleOverduePlan.form"})
class AccountPlanDiagramTest extends DiagramTest {

  private static final Date REMINDER_DUE = Date.from(Instant.parse("2031-11-23T23:59:59Z"));
  private static final Date DEADLINE = Date.from(Instant.parse("2031-11-30T23:59:59Z"));
  private static final Map<String, Object> PASSED = Map.of("qualityPassed", true);
  private static final Map<String, Object> NOT_PASSED = Map.of("qualityPassed", false);
  private static final Map<String, Object> APPROVED = Map.of("planApproved", true);
  private static final Map<String, Object> SENT_BACK = Map.of("planApproved", false);

  private PlanFacts planFacts;
  private ExecutionListener startAccountPlan;
  private ExecutionListener recordServiceLevel;
  private TaskListener prepareDraftPlanForm;
  private ExecutionListener validatePlanDraft;
  private ExecutionListener recordSponsorReview;
  private JavaDelegate sendPlanReminder;
  private JavaDelegate startRitualPlan;
  private ExecutionListener countPlanApproval;

  @BeforeEach
  void mocks() {
    startAccountPlan = listener("startAccountPlan");
    recordServiceLevel = listener("recordServiceLevel");
    prepareDraftPlanForm = taskListener("prepareDraftPlanForm");
    validatePlanDraft = listener("validatePlanDraft");
    recordSponsorReview = listener("recordSponsorReview");
    taskListener("showPlanSummary");
    sendPlanReminder = delegate("sendPlanReminder");
    startRitualPlan = delegate("startRitualPlan");
    countPlanApproval = listener("countPlanApproval");
    planFacts = bean("planFacts", PlanFacts.class);
    when(planFacts.kam(any())).thenReturn("kam");
    when(planFacts.sponsor(any())).thenReturn("sponsor");
    when(planFacts.sponsorCandidateGroups(any())).thenReturn(List.of("sponsors"));
  }

  /** The segment decides the sponsor's review through the table; planFacts answers it as the real one would. */
  private ProcessInstance startPlan(String segment) throws Exception {
    when(planFacts.sponsorReviewRequired(any())).thenReturn("Strategic".equals(segment));
    ProcessInstance plan = runtimeService().startProcessInstanceByKey("accountPlan", Map.of("segment", segment,
        "planDeadlineDue", DEADLINE, "reminderDue", REMINDER_DUE));
    verify(startAccountPlan).notify(any());
    verify(recordServiceLevel).notify(any());
    assertThat(plan).hasPassed("determineServiceLevel").isWaitingAt("draftAccountPlan").task("draftAccountPlan")
        .isAssignedTo("kam").hasDueDate(DEADLINE);
    // created, then assigned to the KAM: the listener writes the texts in the assignee's language on both
    verify(prepareDraftPlanForm, times(2)).notify(any());
    return plan;
  }

  /** The approval commits first; the ritual plan starts in a job of its own, which also counts the approval. */
  private void approvedAndRitualsStarted(ProcessInstance plan) throws Exception {
    assertThat(plan).hasPassed("planApprovedInSubprocess").isWaitingAt("startRitualPlan");
    verify(countPlanApproval, never()).notify(any());
    verify(startRitualPlan, never()).execute(any());
    execute(job("startRitualPlan"));
    assertThat(plan).hasPassed("startRitualPlan", "planApproved").isEnded();
    verify(countPlanApproval).notify(any());
    verify(startRitualPlan).execute(any());
    verify(sendPlanReminder, never()).execute(any());
  }

  @Test
  void strategicPlanGoesThroughTheSponsor() throws Exception {
    delegateSetting("checkPlanQuality", PASSED);
    listenerSetting("decidePlan", APPROVED);
    ProcessInstance plan = startPlan("Strategic");
    assertThat(plan).variables().containsEntry("planDepth", "full").containsEntry("sponsorRequired", true);

    complete(task("draftAccountPlan"));
    verify(validatePlanDraft).notify(any());
    assertThat(plan).isWaitingAt("reviewPlanAsSponsor").task().isAssignedTo("sponsor").hasCandidateGroupAssociated("sponsors");
    complete(task("reviewPlanAsSponsor"));
    verify(recordSponsorReview).notify(any());
    assertThat(plan).isWaitingAt("approveAccountPlan").task().hasCandidateGroup("programme-director");
    complete(task("approveAccountPlan"));

    approvedAndRitualsStarted(plan);
  }

  @Test
  void otherSegmentsSkipTheSponsor() throws Exception {
    delegateSetting("checkPlanQuality", PASSED);
    listenerSetting("decidePlan", APPROVED);
    ProcessInstance plan = startPlan("Streamline");
    assertThat(plan).variables().containsEntry("planDepth", "onePage").containsEntry("sponsorRequired", false);

    complete(task("draftAccountPlan"));
    assertThat(plan).isWaitingAt("approveAccountPlan");
    complete(task("approveAccountPlan"));

    assertThat(plan).hasNotPassed("reviewPlanAsSponsor");
    verify(recordSponsorReview, never()).notify(any());
    approvedAndRitualsStarted(plan);
  }

  @Test
  void draftBelowTheQualityBarGoesBackToTheKam() throws Exception {
    JavaDelegate checkPlanQuality = delegateSetting("checkPlanQuality", NOT_PASSED, PASSED);
    listenerSetting("decidePlan", APPROVED);
    ProcessInstance plan = startPlan("Star");

    complete(task("draftAccountPlan"));
    assertThat(plan).isWaitingAt("draftAccountPlan").hasNotPassed("approveAccountPlan");
    complete(task("draftAccountPlan"));
    assertThat(plan).isWaitingAt("approveAccountPlan");
    complete(task("approveAccountPlan"));

    verify(checkPlanQuality, times(2)).execute(any());
    approvedAndRitualsStarted(plan);
  }

  @Test
  void planSentBackIsDraftedAgain() throws Exception {
    delegateSetting("checkPlanQuality", PASSED);
    listenerSetting("decidePlan", SENT_BACK, APPROVED);
    ProcessInstance plan = startPlan("Status");

    complete(task("draftAccountPlan"));
    complete(task("approveAccountPlan"));
    assertThat(plan).isWaitingAt("draftAccountPlan").hasNotPassed("startRitualPlan");
    complete(task("draftAccountPlan"));
    complete(task("approveAccountPlan"));

    approvedAndRitualsStarted(plan);
  }

  @Test
  void reminderDoesNotInterruptTheDrafting() throws Exception {
    ProcessInstance plan = startPlan("Star");
    org.assertj.core.api.Assertions.assertThat(job("reminderDue").getDuedate()).isEqualTo(REMINDER_DUE);

    execute(job("reminderDue"));
    assertThat(plan).isWaitingAt("draftAccountPlan", "sendPlanReminder");
    execute(job("sendPlanReminder"));

    verify(sendPlanReminder).execute(any());
    assertThat(plan).hasPassed("reminderSent").isWaitingAt("draftAccountPlan").isNotEnded();
  }

  @Test
  void deadlinePassedAsksTheDirectorAndTheDraftingGoesOn() throws Exception {
    delegateSetting("checkPlanQuality", PASSED);
    listenerSetting("decidePlan", APPROVED);
    ProcessInstance plan = startPlan("Star");
    org.assertj.core.api.Assertions.assertThat(job("planDeadlinePassed").getDuedate()).isEqualTo(DEADLINE);

    execute(job("planDeadlinePassed"));
    assertThat(plan).isWaitingAt("draftAccountPlan", "handleOverduePlan");
    assertThat(task("handleOverduePlan")).hasCandidateGroup("programme-director");
    complete(task("handleOverduePlan"));
    assertThat(plan).hasPassed("overdueHandled").isWaitingAt("draftAccountPlan");

    complete(task("draftAccountPlan"));
    complete(task("approveAccountPlan"));
    approvedAndRitualsStarted(plan);
  }
}
