package com.kap.rituals;

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

import com.kap.rituals.internal.AdvisoryBoardFacts;
import com.kap.support.DiagramTest;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** customerAdvisoryBoard.bpmn on the lightweight engine: the board day's timer, then held, or missed after the grace. */
@Deployment(resources = {"customerAdvisoryBoard.bpmn", "startAdvisoryBoard.form", "holdAdvisoryBoard.form"})
class AdvisoryBoardDiagramTest extends DiagramTest {

  private static final Date BOARD_DAY = Date.from(Instant.parse("2031-03-10T08:00:00Z"));
  private static final Date END_OF_DAY = Date.from(Instant.parse("2031-03-10T23:59:59Z"));
  private static final Date GRACE_END = Date.from(Instant.parse("2031-03-24T23:59:59Z"));

  private JavaDelegate planAdvisoryBoard;
  private ExecutionListener recordAdvisoryBoard;
  private JavaDelegate recordMissedBoard;

  @BeforeEach
  void mocks() {
    planAdvisoryBoard = delegate("planAdvisoryBoard");
    recordAdvisoryBoard = listener("recordAdvisoryBoard");
    recordMissedBoard = delegate("recordMissedBoard");
    AdvisoryBoardFacts facts = bean("boardFacts", AdvisoryBoardFacts.class);
    when(facts.dueAt(any())).thenReturn(BOARD_DAY);
    when(facts.endOfDay(any())).thenReturn(END_OF_DAY);
    when(facts.graceEnd(any())).thenReturn(GRACE_END);
  }

  private ProcessInstance untilBoardDay() throws Exception {
    ProcessInstance board = runtimeService().startProcessInstanceByKey("customerAdvisoryBoard");
    assertThat(board).isWaitingAt("boardDay");
    verify(planAdvisoryBoard).execute(any());
    org.assertj.core.api.Assertions.assertThat(job().getDuedate()).isEqualTo(BOARD_DAY);
    execute(job());
    assertThat(board).isWaitingAt("holdAdvisoryBoard").task().hasCandidateGroup("programme-director")
        .hasDueDate(END_OF_DAY);
    return board;
  }

  @Test
  void heldOnItsDay() throws Exception {
    ProcessInstance board = untilBoardDay();

    complete(task());

    assertThat(board).hasPassed("boardRecorded").hasNotPassed("recordMissedBoard").isEnded();
    verify(recordAdvisoryBoard).notify(any());
  }

  @Test
  void missedWhenTheGracePeriodPasses() throws Exception {
    ProcessInstance board = untilBoardDay();
    org.assertj.core.api.Assertions.assertThat(job().getDuedate()).isEqualTo(GRACE_END);

    execute(job());

    assertThat(board).hasPassed("boardGracePassed", "recordMissedBoard", "boardMissed").hasNotPassed("boardRecorded")
        .isEnded();
    verify(recordMissedBoard).execute(any());
    // the task's end listener runs on cancellation too: the real one (a TaskCompletionListener) ignores it
    verify(recordAdvisoryBoard).notify(any());
  }

  @Test
  void planningFailureStartsNoBoard() throws Exception {
    org.mockito.Mockito.doThrow(new IllegalStateException("no Strategic accounts")).when(planAdvisoryBoard)
        .execute(any());

    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> runtimeService().startProcessInstanceByKey("customerAdvisoryBoard")).hasMessageContaining("Strategic");
    verify(recordMissedBoard, never()).execute(any());
  }
}
