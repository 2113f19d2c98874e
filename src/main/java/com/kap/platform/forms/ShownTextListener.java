package com.kap.platform.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
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

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TEMPLATED = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

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
    byte[] form = deployedForm(task.getId());
    if (form == null) {
      return;
    }
    Set<String> fields;
    Set<String> shown = new LinkedHashSet<>();
    try {
      fields = FormFields.read(new ByteArrayInputStream(form)).fields().keySet();
      collectTemplated(JSON.readTree(form), shown);
    } catch (IOException unreadable) {
      return;
    }
    for (String name : shown) {
      if (!fields.contains(name) && task.getVariable(name) instanceof String text) {
        String escaped = ShownText.markdown(text);
        if (!escaped.equals(text)) {
          task.setVariableLocal(name, escaped);
        }
      }
    }
  }

  private static void collectTemplated(JsonNode container, Set<String> names) {
    for (JsonNode component : container.path("components")) {
      if ("text".equals(component.path("type").asText())) {
        Matcher templated = TEMPLATED.matcher(component.path("text").asText(""));
        while (templated.find()) {
          names.add(templated.group(1));
        }
      }
      collectTemplated(component, names);
    }
  }

  /** The task's deployed Camunda Form, read past the acting user's rights (they may not read the new task). */
  private static byte[] deployedForm(String taskId) {
    CommandContext context = Context.getCommandContext();
    boolean checking = context.isAuthorizationCheckEnabled();
    context.disableAuthorizationCheck();
    try (InputStream form = new GetDeployedTaskFormCmd(taskId).execute(context)) {
      return form == null ? null : form.readAllBytes();
    } catch (RuntimeException | IOException noCamundaForm) {
      return null;
    } finally {
      if (checking) {
        context.enableAuthorizationCheck();
      }
    }
  }
}
