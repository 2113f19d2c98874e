package com.kap.platform.forms;

import com.kap.platform.forms.DeployedForms.DeployedForm;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * When a user task is created: every text variable that its form shows in a text component ({@code {{name}}}) and
 * does not take as a field gets a task-local copy escaped with {@link ShownText}, which the form shows instead of
 * the process variable. Tasklist renders those components as Markdown after inserting the variables, so a link
 * typed into a comment was a live link in the next user's form; now it shows as typed. The process variable (and
 * whatever KAP records) stays as the user wrote it. Added to every user task by {@link #parseListener()}.
 */
public class ShownTextListener implements TaskListener {

  /** Adds this listener to the create event of every user task of every diagram parsed from now on. */
  public static AbstractBpmnParseListener parseListener() {
    ShownTextListener listener = new ShownTextListener();
    return new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
          behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, listener);
        }
      }
    };
  }

  @Override
  public void notify(DelegateTask task) {
    DeployedForm form = deployedForm(task.getId());
    if (form == null) {
      return;
    }
    for (String name : form.shown()) {
      if (!form.fields().fields().containsKey(name) && task.getVariable(name) instanceof String text) {
        String escaped = ShownText.markdown(text);
        if (!escaped.equals(text)) {
          ShownVariables.setLocal(task, name, escaped);
        }
      }
    }
  }

  /** The task's deployed Camunda Form, read past the acting user's rights (they may not read the new task). */
  private static DeployedForm deployedForm(String taskId) {
    try {
      return DeployedForms.ofTask(Context.getCommandContext(), taskId);
    } catch (RuntimeException noCamundaForm) {
      return null;
    }
  }
}
