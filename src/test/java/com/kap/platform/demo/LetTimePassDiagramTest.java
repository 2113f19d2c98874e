package com.kap.platform.demo;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;

import com.kap.support.DiagramTest;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

/** letTimePass.bpmn (demo profile) on the lightweight engine: its one path, and a refused day. */
@Deployment(resources = {"demo/letTimePass.bpmn", "demo/letTimePass.form"})
class LetTimePassDiagramTest extends DiagramTest {

  @Test
  void movesTheClockAndEnds() throws Exception {
    JavaDelegate moveDemoClock = delegate("moveDemoClock");

    ProcessInstance instance = runtimeService().startProcessInstanceByKey("letTimePass");

    assertThat(instance).hasPassedInOrder("timeToPassRequested", "moveClock", "clockMoved").isEnded();
    verify(moveDemoClock).execute(any());
  }

  @Test
  void aRefusedDayStartsNothing() throws Exception {
    JavaDelegate moveDemoClock = delegate("moveDemoClock");
    doThrow(new IllegalArgumentException("not later than the demo's clock")).when(moveDemoClock).execute(any());

    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey("letTimePass"))
        .hasMessageContaining("not later");
    org.assertj.core.api.Assertions.assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
  }
}
