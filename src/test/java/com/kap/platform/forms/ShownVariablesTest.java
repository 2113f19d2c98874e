package com.kap.platform.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.kap.support.DiagramTest;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A value a form shows is written only where it changes: the task's listener runs on "create" and again on
 * "assignment" (and on every reassignment), and each unchanged value would otherwise cost an update, its history
 * detail and, for JSON, a new byte array.
 */
class ShownVariablesTest extends DiagramTest {

  private Consumer<DelegateTask> show = task -> { };
  private Deployment deployment;
  private String instance;

  @BeforeEach
  void deployATaskWithAnAssignee() {
    TaskListener listener = task -> show.accept(task);
    Mocks.register("show", listener);
    BpmnModelInstance model = Bpmn.createExecutableProcess("shown").camundaHistoryTimeToLive(1).startEvent()
        .userTask("look").camundaAssignee("alice")
        .camundaTaskListenerDelegateExpression("create", "${show}")
        .camundaTaskListenerDelegateExpression("assignment", "${show}")
        .endEvent().done();
    deployment = processEngine().getRepositoryService().createDeployment().addModelInstance("shown.bpmn", model)
        .deploy();
  }

  @AfterEach
  void undeploy() {
    processEngine().getRepositoryService().deleteDeployment(deployment.getId(), true);
  }

  private String task() {
    return processEngine().getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
  }

  private List<HistoricDetail> details(String name) {
    return processEngine().getHistoryService().createHistoricDetailQuery().processInstanceId(instance)
        .variableUpdates().list().stream()
        .filter(d -> name.equals(((org.camunda.bpm.engine.history.HistoricVariableUpdate) d).getVariableName()))
        .toList();
  }

  private void start(Map<String, Object> variables) {
    instance = processEngine().getRuntimeService().startProcessInstanceByKey("shown", variables).getId();
  }

  @Test
  void aTaskShownOnCreateAndAgainOnItsAssignmentWritesEachValueOnce() {
    show = task -> {
      ShownVariables.setLocal(task, "label", "Plan review");
      ShownVariables.setLocal(task, "rows", Spin.JSON(List.of(Map.of("ritual", "Plan review"))));
      ShownVariables.setLocal(task, "note", null);
    };
    start(Map.of());

    assertThat(details("label")).hasSize(1);
    assertThat(details("rows")).hasSize(1);
    assertThat(details("note")).hasSize(1);
    assertThat(processEngine().getTaskService().getVariableLocal(task(), "rows").toString())
        .isEqualTo("[{\"ritual\":\"Plan review\"}]");
    assertThat(processEngine().getTaskService().getVariablesLocal(task())).containsKey("note");
  }

  @Test
  void aChangedValueIsWrittenAndAnUnchangedOneIsNot() {
    String[] label = {"Plan review"};
    show = task -> {
      ShownVariables.setLocal(task, "label", label[0]);
      ShownVariables.setLocal(task, "rows", SpinValues.jsonValue("[{\"ritual\":\"" + label[0] + "\"}]").create());
    };
    start(Map.of());

    processEngine().getTaskService().setAssignee(task(), "bob");
    assertThat(details("label")).hasSize(1);
    assertThat(details("rows")).as("the same JSON, given as text").hasSize(1);

    label[0] = "Revue du plan";
    processEngine().getTaskService().setAssignee(task(), "chloe");
    assertThat(details("label")).hasSize(2);
    assertThat(details("rows")).hasSize(2);
    assertThat(processEngine().getTaskService().getVariableLocal(task(), "label")).isEqualTo("Revue du plan");
  }

  @Test
  void theProcessVariableIsSetWhereItIsWithItsKindOfValue() {
    Object[] value = {"1"};
    show = task -> ShownVariables.set(task.getExecution(), "count", value[0]);
    start(Map.of("count", "1"));
    assertThat(details("count")).as("started with it, shown the same twice").hasSize(1);

    value[0] = 1;
    processEngine().getTaskService().setAssignee(task(), "bob");
    assertThat(details("count")).as("a number is not the text it reads as").hasSize(2);
    assertThat(processEngine().getRuntimeService().getVariable(instance, "count")).isEqualTo(1);
    assertThat(processEngine().getTaskService().getVariablesLocal(task())).doesNotContainKey("count");
  }

  @Test
  void aTaskIsShownOnceToTheSameReaderInOneCommandAndAgainOnALaterClaim() {
    java.util.List<String> shown = new java.util.ArrayList<>();
    show = task -> {
      java.util.Locale reader = "chloe".equals(task.getAssignee()) ? java.util.Locale.FRENCH : java.util.Locale.ENGLISH;
      if (!ShownVariables.alreadyShown(task, reader)) {
        shown.add(task.getEventName() + " " + reader);
      }
    };
    start(Map.of());
    assertThat(shown).as("created for alice, then assigned to her at once").containsExactly("create en");

    processEngine().getTaskService().setAssignee(task(), "bob");
    processEngine().getTaskService().setAssignee(task(), "chloe");
    assertThat(shown).as("each reassignment a command of its own").containsExactly("create en", "assignment en",
        "assignment fr");
    assertThat(processEngine().getTaskService().getVariablesLocal(task())).as("the mark is not stored")
        .doesNotContainKey(ShownVariables.SHOWN_TO);
    assertThat(details(ShownVariables.SHOWN_TO)).isEmpty();
    assertThat(processEngine().getHistoryService().createHistoricVariableInstanceQuery()
        .variableName(ShownVariables.SHOWN_TO).count()).isZero();

    // a stored variable of the mark's name marks nothing, and blocks no assignment
    processEngine().getTaskService().setVariableLocal(task(), ShownVariables.SHOWN_TO, "en");
    processEngine().getTaskService().setAssignee(task(), "bob");
    assertThat(shown).hasSize(4).last().isEqualTo("assignment en");
  }

  @Test
  void aValueNotThereYetIsSetEvenWhenItIsEmpty() {
    show = task -> ShownVariables.set(task.getExecution(), "justification", null);
    start(Variables.createVariables());
    assertThat(processEngine().getRuntimeService().getVariables(instance)).containsEntry("justification", null);
    assertThat(details("justification")).hasSize(1);
  }
}
