package com.kap.platform.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a task only shows (a copy written through {@link ShownVariables#setLocal}) stays out of the history; every
 * other variable keeps its history, and so does a user's value written over a shown copy.
 */
class ShownValuesHistoryTest {

  private static ProcessEngine engine;

  /** On "create": a shown copy, a task variable of KAP's own, and a process variable. */
  public static class Show implements TaskListener {
    @Override
    public void notify(DelegateTask task) {
      ShownVariables.setLocal(task, "summary", "Plan 2027, version 2");
      task.setVariableLocal("ownNote", "kept");
      ShownVariables.set(task, "processValue", 7);
    }
  }

  @BeforeAll
  static void startAnEngineWithThePlugin() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneInMemProcessEngineConfiguration()
        .setJdbcUrl("jdbc:h2:mem:shownValuesHistory;DB_CLOSE_DELAY=-1")
        .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
        .setJobExecutorActivate(false);
    configuration.setProcessEngineName("shownValuesHistory");
    configuration.setProcessEnginePlugins(List.of(new ShownValuesHistory()));
    engine = configuration.buildProcessEngine();
    engine.getRepositoryService().createDeployment().addModelInstance("shown.bpmn",
        Bpmn.createExecutableProcess("shown").camundaHistoryTimeToLive(1).startEvent().userTask("look")
            .camundaTaskListenerClass("create", Show.class).endEvent().done()).deploy();
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  @Test
  void aShownCopyHasNoHistoryAndEverythingElseHas() {
    String instance = engine.getRuntimeService().startProcessInstanceByKey("shown").getId();
    String task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();

    assertThat(engine.getTaskService().getVariablesLocal(task)).as("the task still shows it")
        .containsEntry("summary", "Plan 2027, version 2").containsEntry("ownNote", "kept");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance).list())
        .extracting(HistoricVariableInstance::getName).containsExactlyInAnyOrder("ownNote", "processValue");

    engine.getTaskService().complete(task, Map.of("summary", "the user's own words"));

    assertThat(engine.getHistoryService().createHistoricDetailQuery().processInstanceId(instance).variableUpdates()
        .list()).map(HistoricVariableUpdate.class::cast)
        .filteredOn(update -> update.getVariableName().equals("summary"))
        .extracting(HistoricVariableUpdate::getValue).containsExactly("the user's own words");
  }
}
