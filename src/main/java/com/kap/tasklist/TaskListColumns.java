package com.kap.tasklist;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Copies the business columns of Tasklist's filters (account, segment, year) onto every new user task as task
 * variables. Tasklist reads filter columns through the variable instance query, which shows a user only variables
 * they may read: task variables come with the task, while process variables would need read access to whole
 * process instances, which KAMs must not have.
 */
@Component
public class TaskListColumns extends AbstractProcessEnginePlugin {

  static final List<String> COLUMNS = List.of("accountName", "segment", "year");

  private static final TaskListener COPY_COLUMNS = task -> copy(task);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, COPY_COLUMNS);
      }
    });
  }

  static void copy(DelegateTask task) {
    for (String column : COLUMNS) {
      Object value = task.getExecution().getVariable(column);
      if (value != null) {
        task.setVariableLocal(column, value);
      }
    }
  }
}
