package com.kap.platform.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.FormData;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeploymentResourceCmd;
import org.camunda.bpm.engine.impl.cmd.GetStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;

/**
 * The Camunda Form a task or a start event shows, read from its deployment and parsed once per form definition: a
 * deployed form never changes, a new version is a new definition. Which definition a task shows is still asked each
 * time (a {@code latest} binding follows a deployment made on another node at once); only reading and parsing its
 * JSON is saved, two queries and a parse on every form submitted and every task created.
 */
public final class DeployedForms {

  /** A deployed form: the fields it submits, and the variables its text components show ({@code {{name}}}). */
  public record DeployedForm(String definitionId, FormFields fields, Set<String> shown) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TEMPLATED = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");
  /** Forms are few; a process owner deploying all day long would still not reach this before a restart. */
  private static final int KEPT = 1_000;
  /** Per engine: two engines in one JVM (tests) may number their definitions alike. */
  private static final Map<ProcessEngineConfigurationImpl, Map<String, DeployedForm>> PARSED =
      Collections.synchronizedMap(new WeakHashMap<>());

  private DeployedForms() {}

  /** The task's Camunda Form, or null when it has none (or an embedded form, or one not found). */
  public static DeployedForm ofTask(CommandContext context, String taskId) {
    return context.runWithoutAuthorization(() -> of(context, new GetTaskFormCmd(taskId).execute(context)));
  }

  /** The start form of the process definition, or null when it has no Camunda Form. */
  public static DeployedForm ofStart(CommandContext context, String processDefinitionId) {
    return context.runWithoutAuthorization(() -> of(context,
        new GetStartFormCmd(processDefinitionId).execute(context)));
  }

  private static DeployedForm of(CommandContext context, FormData form) {
    CamundaFormRef ref = form == null ? null : form.getCamundaFormRef();
    if (ref == null || ref.getKey() == null) {
      return null;
    }
    CamundaFormDefinition definition = new GetCamundaFormDefinitionCmd(ref, form.getDeploymentId()).execute(context);
    if (definition == null) {
      return null;
    }
    Map<String, DeployedForm> engine = PARSED.computeIfAbsent(context.getProcessEngineConfiguration(),
        configuration -> new ConcurrentHashMap<>());
    DeployedForm parsed = engine.get(definition.getId());
    if (parsed == null) {
      parsed = parse(definition.getId(), new GetDeploymentResourceCmd(definition.getDeploymentId(),
          definition.getResourceName()).execute(context));
      if (engine.size() >= KEPT) {
        engine.clear();
      }
      engine.put(definition.getId(), parsed);
    }
    return parsed;
  }

  static DeployedForm parse(String definitionId, InputStream resource) {
    try (resource) {
      byte[] json = resource.readAllBytes();
      Set<String> shown = new LinkedHashSet<>();
      collectShown(JSON.readTree(json), shown);
      return new DeployedForm(definitionId, FormFields.read(new ByteArrayInputStream(json)), Set.copyOf(shown));
    } catch (IOException unreadable) {
      throw new UncheckedIOException("the deployed form " + definitionId + " cannot be read", unreadable);
    }
  }

  private static void collectShown(JsonNode container, Set<String> names) {
    for (JsonNode component : container.path("components")) {
      if ("text".equals(component.path("type").asText())) {
        Matcher templated = TEMPLATED.matcher(component.path("text").asText(""));
        while (templated.find()) {
          names.add(templated.group(1));
        }
      }
      collectShown(component, names);
    }
  }
}
