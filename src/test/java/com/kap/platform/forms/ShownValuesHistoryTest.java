package com.kap.platform.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a task only shows (a copy written through {@link ShownVariables#setLocal}) and a draft's pre-fill ({@link
 * ShownVariables#setCopy}) stay out of the history; every other variable keeps its history, and so does a user's
 * value written over a copy.
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

  /** At the start: a draft's pre-fill (copies of a stored plan) and a process variable of KAP's own. */
  public static class Prefill implements ExecutionListener {
    @Override
    public void notify(DelegateExecution execution) {
      ShownVariables.setCopy(execution, "strengths", "last year's strengths");
      ShownVariables.setCopy(execution, "actions", SpinValues.jsonValue("[{\"action\":\"Visit\"}]").create());
      execution.setVariable("accountId", "ACC-001");
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
    configuration.setProcessEnginePlugins(List.of(new ShownValuesHistory(), new SpinProcessEnginePlugin()));
    engine = configuration.buildProcessEngine();
    engine.getRepositoryService().createDeployment().addModelInstance("shown.bpmn",
        Bpmn.createExecutableProcess("shown").camundaHistoryTimeToLive(1).startEvent().userTask("look")
            .camundaTaskListenerClass("create", Show.class).endEvent().done())
        .addModelInstance("prefilled.bpmn", Bpmn.createExecutableProcess("prefilled").camundaHistoryTimeToLive(1)
            .startEvent().camundaExecutionListenerClass("end", Prefill.class).userTask("draft").endEvent().done())
        .deploy();
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

  @Test
  void aPrefillHasNoHistoryAndWhatTheUserSubmitsOverItHas() {
    for (boolean throughTheForm : List.of(true, false)) {
      String instance = engine.getRuntimeService().startProcessInstanceByKey("prefilled").getId();
      String task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
      assertThat(engine.getRuntimeService().getVariables(instance)).as("the form shows it")
          .containsEntry("strengths", "last year's strengths").containsKey("actions");
      assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance).list())
          .extracting(HistoricVariableInstance::getName).containsExactly("accountId");

      // Tasklist submits the form; an /engine-rest client may complete with variables: both write over the copies
      Map<String, Object> submitted = Map.of("strengths", "this year's strengths",
          "actions", SpinValues.jsonValue("[{\"action\":\"Workshop\"}]").create());
      if (throughTheForm) {
        engine.getFormService().submitTaskForm(task, submitted);
      } else {
        engine.getTaskService().complete(task, submitted);
      }

      assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance)
          .completed().count()).isEqualTo(1);
      assertThat(engine.getHistoryService().createHistoricDetailQuery().processInstanceId(instance).variableUpdates()
          .list()).map(HistoricVariableUpdate.class::cast)
          .filteredOn(update -> !update.getVariableName().equals("accountId"))
          .extracting(update -> update.getVariableName() + "=" + update.getValue().toString().replace(" ", ""))
          .as(throughTheForm ? "submitted as a form" : "completed with variables")
          .containsExactlyInAnyOrder("strengths=thisyear'sstrengths", "actions=[{\"action\":\"Workshop\"}]");
      assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance)
          .variableName("strengths").includeDeleted().list()).as("the user's value, as a variable of the history")
          .extracting(HistoricVariableInstance::getValue).containsExactly("this year's strengths");
    }
  }
}
