package com.kap.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;

import com.kap.platform.forms.InvalidFormData;
import com.kap.platform.forms.Problem;
import com.kap.support.DiagramTest;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * recordTraining.bpmn on the lightweight engine, both of its paths: the start form's session is recorded in the
 * starting transaction and the process ends at "Training recorded"; a refused form leaves no instance behind.
 */
@Deployment(resources = {"recordTraining.bpmn", "recordTraining.form"})
class RecordTrainingDiagramTest extends DiagramTest {

  private JavaDelegate recordTrainingSession;

  @BeforeEach
  void mocks() throws Exception {
    recordTrainingSession = delegate("recordTrainingSession");
  }

  @Test
  void theStartFormIsRecordedAndTheProcessEnds() throws Exception {
    doAnswer(call -> {
      ((DelegateExecution) call.getArgument(0)).setProcessBusinessKey("training-7");
      return null;
    }).when(recordTrainingSession).execute(any());

    ProcessInstance training = runtimeService().startProcessInstanceByKey("recordTraining",
        Map.of("year", 2151, "title", "Value selling"));

    assertThat(training).hasPassedInOrder("trainingDelivered", "recordTrainingSession", "trainingRecorded")
        .isEnded();
    verify(recordTrainingSession).execute(any());
    assertThat(historyService().createHistoricProcessInstanceQuery().processInstanceId(training.getId())
        .singleResult().getBusinessKey()).isEqualTo("training-7");
  }

  @Test
  void aRefusedFormStartsNothing() throws Exception {
    doThrow(new InvalidFormData("recordTraining", "hours", Problem.of("training.hours", 100, 0)))
        .when(recordTrainingSession).execute(any());

    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey("recordTraining", Map.of("hours", 0)))
        .isInstanceOf(InvalidFormData.class).hasMessageContaining("hours");

    assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey("recordTraining").count()).isZero();
    assertThat(historyService().createHistoricProcessInstanceQuery().processDefinitionKey("recordTraining").count())
        .isZero();
  }

  @Test
  void itIsStartedFromTasklistWithItsForm() {
    ProcessDefinition definition = repositoryService().createProcessDefinitionQuery().processDefinitionKey(
        "recordTraining").singleResult();
    assertThat(definition.getName()).isEqualTo("Record training delivered");
    assertThat(definition.isStartableInTasklist()).isTrue();
  }
}
