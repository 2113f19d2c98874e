package com.kap.platform.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.kap.platform.forms.DeployedForms.DeployedForm;
import com.kap.support.DiagramTest;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A task's Camunda Form is parsed once per deployed form definition, and a task bound to the latest form shows a
 * new version as soon as it is deployed.
 */
class DeployedFormsTest extends DiagramTest {

  private final List<Deployment> deployments = new ArrayList<>();

  @AfterEach
  void undeploy() {
    deployments.forEach(d -> processEngine().getRepositoryService().deleteDeployment(d.getId(), true));
  }

  private static String form(String field) {
    return """
        {"id": "lookForm", "type": "default", "components": [
          {"type": "text", "text": "Account: {{ accountName }} and {{other}}"},
          {"type": "group", "components": [{"type": "textfield", "key": "%s", "label": "Your answer"}]}
        ]}""".formatted(field);
  }

  private void deploy(String resource, String content) {
    deployments.add(processEngine().getRepositoryService().createDeployment()
        .addString(resource, content).deploy());
  }

  private void deployProcess() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("formed").camundaHistoryTimeToLive(1).startEvent()
        .camundaFormRef("lookForm").camundaFormRefBinding("latest")
        .userTask("look").camundaFormRef("lookForm").camundaFormRefBinding("latest").endEvent().done();
    deployments.add(processEngine().getRepositoryService().createDeployment().addModelInstance("formed.bpmn", model)
        .deploy());
  }

  private DeployedForm ofTask() {
    String task = processEngine().getTaskService().createTaskQuery().processDefinitionKey("formed").list().get(0)
        .getId();
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) processEngine().getProcessEngineConfiguration();
    return configuration.getCommandExecutorTxRequired().execute(context -> DeployedForms.ofTask(context, task));
  }

  @Test
  void aFormIsParsedOncePerVersionAndTheLatestIsShownAtOnce() {
    deploy("look.form", form("answer"));
    deployProcess();
    processEngine().getRuntimeService().startProcessInstanceByKey("formed");

    DeployedForm first = ofTask();
    assertThat(first.fields().fields()).containsOnlyKeys("answer");
    assertThat(first.shown()).containsExactlyInAnyOrder("accountName", "other");
    assertThat(ofTask()).as("the same version, not read again").isSameAs(first);

    deploy("look.form", form("betterAnswer"));
    DeployedForm second = ofTask();
    assertThat(second.definitionId()).isNotEqualTo(first.definitionId());
    assertThat(second.fields().fields()).containsOnlyKeys("betterAnswer");
  }

  @Test
  void aStartFormIsReadLikeATasksForm() {
    deploy("look.form", form("answer"));
    deployProcess();
    String definition = processEngine().getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("formed").singleResult().getId();
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) processEngine().getProcessEngineConfiguration();

    DeployedForm start = configuration.getCommandExecutorTxRequired()
        .execute(context -> DeployedForms.ofStart(context, definition));

    assertThat(start.fields().fields()).containsOnlyKeys("answer");
  }

  @Test
  void aTaskWithoutACamundaFormHasNone() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("formed").camundaHistoryTimeToLive(1).startEvent()
        .userTask("look").endEvent().done();
    deployments.add(processEngine().getRepositoryService().createDeployment().addModelInstance("formed.bpmn", model)
        .deploy());
    processEngine().getRuntimeService().startProcessInstanceByKey("formed");

    assertThat(ofTask()).isNull();
  }
}
