package com.kap.budget;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.kap.budget.internal.BidFacts;
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
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * investmentBid.bpmn on the lightweight engine, with the real bidEligibility table: revised or withdrawn until the
 * call closes; not eligible; scored by each scorer, calibrated when the scores spread; funded, or the appeal window:
 * decision accepted, appealed and reviewed, or no appeal in time.
 */
@Deployment(resources = {"investmentBid.bpmn", "bidEligibility.dmn", "submitInvestmentBid.form", "reviseBid.form",
    "scoreBid.form", "calibrateScores.form", "considerAppeal.form", "reviewAppeal.form"})
class InvestmentBidDiagramTest extends DiagramTest {

  private static final Date CALL_DEADLINE = Date.from(Instant.parse("2031-02-28T17:00:00Z"));
  private static final Date DIRECTORS_DUE = Date.from(Instant.parse("2031-03-14T17:00:00Z"));
  private static final Date APPEAL_DEADLINE = Date.from(Instant.parse("2031-03-28T17:00:00Z"));
  private static final Map<String, Object> ELIGIBLE_INPUTS = Map.of("planApproved", true, "financialsComplete", true,
      "segment", "Star", "category", "growth");
  private static final Map<String, Object> PLAN_NOT_APPROVED = Map.of("planApproved", false,
      "financialsComplete", true, "segment", "Star", "category", "growth");

  private BidFacts bidFacts;
  private JavaDelegate assignScorers;
  private ExecutionListener recordScore;
  private ExecutionListener recordCalibration;
  private JavaDelegate computeBenefit;

  @BeforeEach
  void mocks() throws Exception {
    delegate("registerBid");
    assignScorers = delegate("assignScorers");
    listener("openScorecard");
    recordScore = listener("recordScore");
    listener("prepareCalibration");
    recordCalibration = listener("recordCalibration");
    computeBenefit = delegate("computeBenefit");
    listener("showOutcome");
    listener("decideAppeal");
    // as the real listener: the table's answer decides the gateway
    ExecutionListener recordEligibility = listener("recordEligibility");
    doAnswer(call -> {
      DelegateExecution execution = call.getArgument(0);
      execution.setVariable("bidEligible", ((Map<?, ?>) execution.getVariable("eligibility")).get("eligible"));
      return null;
    }).when(recordEligibility).notify(any());
    bidFacts = bean("bidFacts", BidFacts.class);
    when(bidFacts.kam(any(DelegateExecution.class))).thenReturn("kam");
    when(bidFacts.callDeadline(any(DelegateExecution.class))).thenReturn(CALL_DEADLINE);
    when(bidFacts.directorsDue(any(DelegateExecution.class))).thenReturn(DIRECTORS_DUE);
    when(bidFacts.appealDeadline(any(DelegateExecution.class))).thenReturn(APPEAL_DEADLINE);
    when(bidFacts.scorers(any(DelegateExecution.class))).thenReturn(List.of("scorer-1", "scorer-2"));
    when(bidFacts.calibrator(any(DelegateExecution.class))).thenReturn("calibrator");
    when(bidFacts.appealReviewers(any(DelegateExecution.class))).thenReturn(List.of("reviewer"));
    when(bidFacts.appealFallbackGroups(any(DelegateExecution.class))).thenReturn(List.of("programme-director"));
  }

  private ProcessInstance submit() {
    ProcessInstance bid = runtimeService().startProcessInstanceByKey("investmentBid");
    assertThat(bid).hasPassed("registerBid").isWaitingAt("reviseBid").task().isAssignedTo("kam")
        .hasDueDate(CALL_DEADLINE);
    return bid;
  }

  private void callCloses(ProcessInstance bid) {
    runtimeService().createMessageCorrelation("callClosed").processInstanceId(bid.getId()).correlate();
  }

  /** Call closed on an eligible bid; both scorers score; the scores' continuations run. */
  private ProcessInstance scored(boolean spread) {
    listenerSetting("reviseBid", Map.of("bidWithdrawn", false));
    listenerSetting("bidEligibilityInputs", ELIGIBLE_INPUTS);
    when(bidFacts.needsCalibration(any(DelegateExecution.class))).thenReturn(spread);
    ProcessInstance bid = submit();
    callCloses(bid);
    assertThat(bid).hasPassed("checkEligibility", "assignScorers").isWaitingAt("scoreBid");
    List<Task> scoring = taskQuery().taskDefinitionKey("scoreBid").list();
    org.assertj.core.api.Assertions.assertThat(scoring).extracting(Task::getAssignee)
        .containsExactlyInAnyOrder("scorer-1", "scorer-2");
    scoring.forEach(task -> complete(task));
    for (Job after : managementService().createJobQuery().activityId("scoreBid").list()) {
      managementService().executeJob(after.getId());
    }
    try {
      verify(recordScore, times(2)).notify(any());
    } catch (Exception impossible) {
      throw new IllegalStateException(impossible);
    }
    return bid;
  }

  private ProcessInstance notFunded(boolean spread) throws Exception {
    ProcessInstance bid = scored(spread);
    if (spread) {
      complete(task("calibrateScores"));
    }
    when(bidFacts.funded(any(DelegateExecution.class))).thenReturn(false);
    runtimeService().createMessageCorrelation("allocationPublished").processInstanceId(bid.getId()).correlate();
    assertThat(bid).isWaitingAt("considerAppeal").task().isAssignedTo("kam").hasDueDate(APPEAL_DEADLINE);
    return bid;
  }

  @Test
  void withdrawnBeforeTheCallCloses() throws Exception {
    listenerSetting("reviseBid", Map.of("bidWithdrawn", true));
    ProcessInstance bid = submit();

    complete(task());

    assertThat(bid).hasPassed("bidWithdrawn").hasNotPassed("checkEligibility").isEnded();
  }

  @Test
  void revisedThenNotEligibleWhenTheCallCloses() throws Exception {
    listenerSetting("reviseBid", Map.of("bidWithdrawn", false));
    listenerSetting("bidEligibilityInputs", PLAN_NOT_APPROVED);
    ProcessInstance bid = submit();
    complete(task());
    assertThat(bid).isWaitingAt("reviseBid");

    callCloses(bid);

    assertThat(bid).hasPassed("callClosed", "checkEligibility", "bidIneligible").isEnded();
    assertThat(bid).variables().containsEntry("bidEligible", false);
    verify(assignScorers, never()).execute(any());
  }

  @Test
  void scoresAgreeAndTheBidIsFunded() throws Exception {
    ProcessInstance bid = scored(false);
    assertThat(bid).hasNotPassed("calibrateScores").isWaitingAt("allocationPublished");
    verify(computeBenefit).execute(any());
    when(bidFacts.funded(any(DelegateExecution.class))).thenReturn(true);

    runtimeService().createMessageCorrelation("allocationPublished").processInstanceId(bid.getId()).correlate();

    assertThat(bid).hasPassed("bidFunded").hasNotPassed("considerAppeal").isEnded();
  }

  @Test
  void spreadScoresAreCalibratedAndTheKamAcceptsTheDecision() throws Exception {
    listenerSetting("considerAppeal", Map.of("appealed", false));
    ProcessInstance bid = scored(true);
    assertThat(bid).isWaitingAt("calibrateScores").task().isAssignedTo("calibrator").hasDueDate(DIRECTORS_DUE);
    complete(task("calibrateScores"));
    verify(recordCalibration).notify(any());
    when(bidFacts.funded(any(DelegateExecution.class))).thenReturn(false);
    runtimeService().createMessageCorrelation("allocationPublished").processInstanceId(bid.getId()).correlate();

    complete(task("considerAppeal"));

    assertThat(bid).hasPassed("calibrateScores", "outcomeAccepted").hasNotPassed("reviewAppeal").isEnded();
  }

  @Test
  void appealIsReviewed() throws Exception {
    listenerSetting("considerAppeal", Map.of("appealed", true));
    ProcessInstance bid = notFunded(false);

    complete(task("considerAppeal"));
    assertThat(bid).isWaitingAt("reviewAppeal").task().hasCandidateUser("reviewer")
        .hasCandidateGroup("programme-director").hasDueDate(DIRECTORS_DUE);
    complete(task("reviewAppeal"));

    assertThat(bid).hasPassed("appealDecided").isEnded();
  }

  @Test
  void noAppealInTime() throws Exception {
    listenerSetting("considerAppeal", Map.of("appealed", false));
    ProcessInstance bid = notFunded(false);
    org.assertj.core.api.Assertions.assertThat(job("appealWindowClosed").getDuedate()).isEqualTo(APPEAL_DEADLINE);

    execute(job("appealWindowClosed"));

    assertThat(bid).hasPassed("noAppeal").hasNotPassed("outcomeAccepted", "reviewAppeal").isEnded();
  }
}
