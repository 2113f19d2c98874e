package com.kap.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.kap.budget.internal.BidResultFacts;
import com.kap.support.DiagramTest;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * bidResults.bpmn on the lightweight engine, with the real bidResultDelay table: the delay looked up by category,
 * the timer until the report is due, the KAM's report; the reminder and the escalation of a late report, each
 * leaving the task open.
 */
@Deployment(resources = {"bidResults.bpmn", "bidResultDelay.dmn", "reportBidResults.form"})
class BidResultsDiagramTest extends DiagramTest {

  private static final Date REPORT_DUE = Date.from(Instant.parse("2032-03-01T00:00:00Z"));
  private static final Date REMINDER = Date.from(Instant.parse("2032-03-22T09:00:00Z"));
  private static final Date DEADLINE = Date.from(Instant.parse("2032-03-30T00:00:00Z"));

  private BidResultFacts facts;
  private ExecutionListener scheduleBidResult;
  private ExecutionListener recordBidResult;
  private JavaDelegate remindBidResult;
  private JavaDelegate escalateBidResult;
  private Object monthsScheduled;

  @BeforeEach
  void mocks() throws Exception {
    listener("showBidResult");
    recordBidResult = listener("recordBidResult");
    remindBidResult = delegate("remindBidResult");
    escalateBidResult = delegate("escalateBidResult");
    // as the real listener: the table's answer is what gets scheduled
    scheduleBidResult = listener("scheduleBidResult");
    doAnswer(call -> {
      monthsScheduled = ((DelegateExecution) call.getArgument(0)).getVariable("reportDelayMonths");
      return null;
    }).when(scheduleBidResult).notify(any());
    facts = bean("bidResultFacts", BidResultFacts.class);
    when(facts.kam(any(DelegateExecution.class))).thenReturn("kam");
    when(facts.reportDue(any(DelegateExecution.class))).thenReturn(REPORT_DUE);
    when(facts.reminder(any(DelegateExecution.class))).thenReturn(REMINDER);
    when(facts.reportDeadline(any(DelegateExecution.class))).thenReturn(DEADLINE);
  }

  /** A funded bid of the category: the delay is looked up (async) and the process waits for the report's day. */
  private ProcessInstance funded(String category) {
    listenerSetting("bidResultDelayInputs", Map.of("category", category));
    ProcessInstance results = runtimeService().startProcessInstanceByKey("bidResults", "B-1");
    assertThat(results).isWaitingAt("lookUpReportDelay");
    execute(job());
    assertThat(results).hasPassed("lookUpReportDelay").isWaitingAt("resultsDue");
    assertThat(job("resultsDue").getDuedate()).isEqualTo(REPORT_DUE);
    return results;
  }

  private ProcessInstance reportDue(String category) {
    ProcessInstance results = funded(category);
    execute(job("resultsDue"));
    assertThat(results).isWaitingAt("reportBidResults").task().isAssignedTo("kam").hasDueDate(DEADLINE);
    return results;
  }

  @Test
  void theKamReportsWhenTheDelayOfTheCategoryHasPassed() throws Exception {
    ProcessInstance results = reportDue("innovation");
    assertThat(monthsScheduled).isEqualTo(18);

    complete(task());

    assertThat(results).hasPassed("resultsReported").hasNotPassed("remindKam", "escalateLateReport").isEnded();
    verify(recordBidResult).notify(any());
    assertThat(managementService().createJobQuery().count()).isZero();
  }

  @Test
  void theKamIsRemindedAndTheTaskStaysOpen() throws Exception {
    ProcessInstance results = reportDue("retention");
    assertThat(monthsScheduled).isEqualTo(6);
    assertThat(job("reminderDue").getDuedate()).isEqualTo(REMINDER);

    execute(job("reminderDue"));

    assertThat(results).hasPassed("remindKam", "kamReminded").isWaitingAt("reportBidResults");
    verify(remindBidResult).execute(any());
    verify(escalateBidResult, never()).execute(any());
    complete(task());
    assertThat(results).hasPassed("resultsReported").isEnded();
  }

  @Test
  void aLateReportIsEscalatedToTheProgrammeDirectorAndTheTaskStaysWithTheKam() throws Exception {
    ProcessInstance results = reportDue("growth");
    assertThat(monthsScheduled).isEqualTo(12);
    execute(job("reminderDue"));
    assertThat(job("reportLate").getDuedate()).isEqualTo(DEADLINE);

    execute(job("reportLate"));

    assertThat(results).hasPassed("escalateLateReport", "lateReportEscalated").isWaitingAt("reportBidResults")
        .task().isAssignedTo("kam");
    verify(escalateBidResult).execute(any());
    complete(task());
    assertThat(results).hasPassed("resultsReported").isEnded();
  }
}
