package com.kap.budget;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.kap.budget.internal.BidFacts;
import com.kap.budget.internal.RoundFacts;
import com.kap.support.DiagramTest;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * budgetRound.bpmn on the lightweight engine: the call closes early or at its deadline; no eligible bid ends the
 * round; otherwise it waits for "all bids scored" unless they already are, and the chair's decision is published.
 */
@Deployment(resources = {"budgetRound.bpmn", "startBudgetRound.form", "closeCallEarly.form", "decideAllocation.form"})
class BudgetRoundDiagramTest extends DiagramTest {

  private static final Date CALL_DEADLINE = Date.from(Instant.parse("2031-02-28T17:00:00Z"));
  private static final Date DIRECTORS_DUE = Date.from(Instant.parse("2031-03-14T17:00:00Z"));

  private RoundFacts roundFacts;
  private ExecutionListener closeCallEarly;
  private ExecutionListener decideAllocation;
  private JavaDelegate proposeAllocation;
  private JavaDelegate publishAllocation;

  @BeforeEach
  void mocks() {
    delegate("openBudgetRound");
    closeCallEarly = listener("closeCallEarly");
    decideAllocation = listener("decideAllocation");
    proposeAllocation = delegate("proposeAllocation");
    publishAllocation = delegate("publishAllocation");
    roundFacts = bean("roundFacts", RoundFacts.class);
    when(roundFacts.chair(any())).thenReturn("chair");
    when(roundFacts.callDeadline(any())).thenReturn(CALL_DEADLINE);
    when(bean("bidFacts", BidFacts.class).directorsDue(any())).thenReturn(DIRECTORS_DUE);
  }

  private ProcessInstance openRound() {
    ProcessInstance round = runtimeService().startProcessInstanceByKey("budgetRound");
    assertThat(round).hasPassed("openBudgetRound").isWaitingAt("closeCallEarly").task().isAssignedTo("chair")
        .hasDueDate(CALL_DEADLINE);
    org.assertj.core.api.Assertions.assertThat(job().getDuedate()).isEqualTo(CALL_DEADLINE);
    return round;
  }

  private void eligibleBids(int count) {
    delegateSetting("closeCall", Map.of("eligibleBids", count));
  }

  @Test
  void closedEarlyWithNoEligibleBid() throws Exception {
    eligibleBids(0);
    ProcessInstance round = openRound();

    complete(task());
    assertThat(round).isWaitingAt("closeCall");
    execute(job());

    assertThat(round).hasPassed("noEligibleBids").hasNotPassed("callDeadlinePassed").hasNotPassed("proposeAllocation").isEnded();
    verify(closeCallEarly).notify(any());
    verify(proposeAllocation, never()).execute(any());
  }

  @Test
  void deadlineWithBidsScoredAlreadyGoesStraightToTheAllocation() throws Exception {
    eligibleBids(3);
    when(roundFacts.allScored(any())).thenReturn(true);
    ProcessInstance round = openRound();

    execute(job()); // the call deadline
    assertThat(round).hasPassed("callDeadlinePassed").isWaitingAt("closeCall");
    execute(job());
    assertThat(round).hasPassed("scoredMerge").hasNotPassed("allBidsScored").isWaitingAt("proposeAllocation");

    decideAndPublish(round);
  }

  @Test
  void waitsUntilAllBidsAreScored() throws Exception {
    eligibleBids(2);
    when(roundFacts.allScored(any())).thenReturn(false);
    ProcessInstance round = openRound();
    complete(task());
    execute(job());
    assertThat(round).isWaitingAt("allBidsScored");

    runtimeService().createMessageCorrelation("allBidsScored").processInstanceId(round.getId()).correlate();

    assertThat(round).hasPassed("allBidsScored").isWaitingAt("proposeAllocation");
    decideAndPublish(round);
  }

  private void decideAndPublish(ProcessInstance round) throws Exception {
    execute(job());
    verify(proposeAllocation).execute(any());
    assertThat(round).isWaitingAt("decideAllocation").task().isAssignedTo("chair").hasDueDate(DIRECTORS_DUE);
    complete(task());
    verify(decideAllocation).notify(any());
    assertThat(round).isWaitingAt("publishAllocation");
    execute(job());
    verify(publishAllocation).execute(any());
    assertThat(round).hasPassed("allocationPublished").isEnded();
  }
}
