package com.kap.rituals;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.kap.rituals.internal.FollowUpFacts;
import com.kap.support.DiagramTest;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * followUpAction.bpmn on the lightweight engine: the owner closes the action (done or dropped: one path, the
 * listener tells them apart), the reminder's timer, the due date's escalation, and a plan review closing it.
 */
@Deployment(resources = {"followUpAction.bpmn", "followUpAction.form", "handleOverdueAction.form"})
class FollowUpActionDiagramTest extends DiagramTest {

  private static final Date REMINDER = Date.from(Instant.parse("2031-03-24T09:00:00Z"));
  private static final Date DUE = Date.from(Instant.parse("2031-04-01T00:00:00Z"));

  private ExecutionListener closeFollowUpAction;
  private JavaDelegate remindActionOwner;
  private TaskListener showFollowUpAction;

  @BeforeEach
  void mocks() {
    closeFollowUpAction = listener("closeFollowUpAction");
    remindActionOwner = delegate("remindActionOwner");
    showFollowUpAction = taskListener("showFollowUpAction");
    FollowUpFacts facts = bean("followUpFacts", FollowUpFacts.class);
    when(facts.assignee(any())).thenReturn("alice");
    when(facts.due(any())).thenReturn(DUE);
    when(facts.reminderAt(any())).thenReturn(REMINDER);
  }

  private ProcessInstance started() {
    ProcessInstance action = runtimeService().startProcessInstanceByKey("followUpAction", "action-1");
    assertThat(action).isWaitingAt("followUpActionTask").task().isAssignedTo("alice").hasDueDate(DUE);
       ;
    verify(showFollowUpAction).notify(any());
    org.assertj.core.api.Assertions.assertThat(jobQuery().timers().list()).extracting(j -> j.getDuedate())
        .containsExactlyInAnyOrder(REMINDER, DUE);
    return action;
  }

  @Test
  void theOwnerClosesItDoneOrDropped() throws Exception {
    ProcessInstance action = started();

    complete(task(), java.util.Map.of("actionOutcome", "dropped", "actionNote", "The customer cancelled it"));

    assertThat(action).hasPassed("actionClosed").hasNotPassed("remindActionOwner", "handleOverdueAction").isEnded();
    verify(closeFollowUpAction).notify(any());
    org.assertj.core.api.Assertions.assertThat(jobQuery().count()).as("both timers go with the task").isZero();
  }

  @Test
  void theReminderGoesBeforeTheDueDateAndTheTaskStays() throws Exception {
    ProcessInstance action = started();

    execute(jobQuery().timers().activityId("reminderDue").singleResult());
    execute(jobQuery().activityId("remindActionOwner").singleResult()); // asynchronous: a job of its own

    verify(remindActionOwner).execute(any());
    assertThat(action).hasPassed("reminderSent").isWaitingAt("followUpActionTask");
    complete(task(), java.util.Map.of("actionOutcome", "done"));
    assertThat(action).hasPassed("actionClosed").isEnded();
  }

  @Test
  void theProgrammeDirectorHearsWhenTheDueDatePasses() throws Exception {
    ProcessInstance action = started();

    execute(jobQuery().timers().activityId("dueDatePassed").singleResult());

    assertThat(action).isWaitingAt("followUpActionTask", "handleOverdueAction");
    assertThat(taskQuery().taskDefinitionKey("handleOverdueAction").singleResult())
        .hasCandidateGroup("programme-director");
    verify(showFollowUpAction, times(2)).notify(any());
    complete(taskQuery().taskDefinitionKey("handleOverdueAction").singleResult(),
        java.util.Map.of("followUp", "Agreed a new date with alice"));
    assertThat(action).hasPassed("overdueHandled").isWaitingAt("followUpActionTask");
    complete(task(), java.util.Map.of("actionOutcome", "done"));
    assertThat(action).hasPassed("actionClosed").isEnded();
    verify(remindActionOwner, never()).execute(any());
  }

  @Test
  void aPlanReviewClosesIt() throws Exception {
    ProcessInstance action = started();

    runtimeService().createMessageCorrelation(FollowUps.CLOSED_IN_REVIEW).processInstanceBusinessKey("action-1")
        .correlate();

    assertThat(action).hasPassed("actionClosedInReview").hasNotPassed("actionClosed").isEnded();
    org.assertj.core.api.Assertions.assertThat(jobQuery().count()).isZero();
  }
}
