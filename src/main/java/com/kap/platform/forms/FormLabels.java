package com.kap.platform.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The labels a person sees for the fields of KAP's forms, so that a refusal names "Action plan, row 2: Owner" and
 * not {@code actions[1].owner}. The form is the one of the element the engine is working on (the user task, or the
 * start event of a start form), read from the forms on the classpath (forms/ in the repository); a field the form
 * does not label keeps its key.
 */
public final class FormLabels {

  private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  private static final Pattern ROW = Pattern.compile("^([A-Za-z0-9_]+)\\[(\\d+)]\\.(.+)$");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, Map<String, String>> BY_FORM = new ConcurrentHashMap<>();

  private FormLabels() {}

  /** The field as its form labels it, e.g. "Rituals, row 2: Customer participants"; the path where none does. */
  public static String describe(String formId, String path) {
    Map<String, String> labels = formId == null ? Map.of() : BY_FORM.computeIfAbsent(formId, FormLabels::read);
    Matcher row = ROW.matcher(path);
    if (row.matches()) {
      String list = labels.getOrDefault(row.group(1), row.group(1));
      String field = labels.getOrDefault(row.group(1) + "[]." + row.group(3), row.group(3));
      return list + ", row " + (Integer.parseInt(row.group(2)) + 1) + ": " + field;
    }
    return labels.getOrDefault(path, path);
  }

  /**
   * The label a select of the form shows for a value, e.g. ("draftAccountPlan", "objectives[].type", "revenue") is
   * "Revenue"; the value itself where the form has no such option.
   */
  public static String option(String formId, String field, String value) {
    if (value == null) {
      return null;
    }
    return BY_FORM.computeIfAbsent(formId, FormLabels::read).getOrDefault(field + "=" + value, value);
  }

  /** The form of the element the engine is working on now, or null outside an execution or without a form. */
  public static String currentFormId() {
    try {
      BpmnExecutionContext context = Context.getBpmnExecutionContext();
      return context == null ? null : formOf(context.getExecution());
    } catch (RuntimeException outsideTheEngine) {
      return null;
    }
  }

  static String formOf(DelegateExecution execution) {
    ModelElementInstance element = execution.getBpmnModelElementInstance();
    String form = element == null ? null : element.getAttributeValueNs(CAMUNDA, "formRef");
    if (form == null && execution.getBpmnModelInstance() != null) {
      // a start form is checked while the process starts: the form is its start event's
      for (StartEvent start : execution.getBpmnModelInstance().getModelElementsByType(StartEvent.class)) {
        if (start.getParentElement() instanceof Process && start.getCamundaFormRef() != null
            && (element == null || element instanceof Process || element instanceof FlowElement)) {
          return start.getCamundaFormRef();
        }
      }
    }
    return form;
  }

  private static Map<String, String> read(String formId) {
    Map<String, String> labels = new HashMap<>();
    // forms/ is copied to the classpath's root; the demo profile's own forms are in demo/
    InputStream found = FormLabels.class.getClassLoader().getResourceAsStream(formId + ".form");
    if (found == null) {
      found = FormLabels.class.getClassLoader().getResourceAsStream("demo/" + formId + ".form");
    }
    try (InputStream in = found) {
      if (in != null) {
        collect(JSON.readTree(in).path("components"), "", labels);
      }
    } catch (IOException unreadable) {
      // the keys stand in for the labels
    }
    return labels;
  }

  private static void collect(JsonNode components, String prefix, Map<String, String> labels) {
    for (JsonNode component : components) {
      String label = shortLabel(component.path("label").asText(component.path("dateLabel").asText(null)));
      if ("dynamiclist".equals(component.path("type").asText())) {
        String path = component.path("path").asText();
        if (label != null) {
          labels.put(prefix + path, label);
        }
        collect(component.path("components"), prefix + path + "[].", labels);
      } else if (component.has("components")) {
        collect(component.path("components"), prefix, labels);
      } else if (component.hasNonNull("key")) {
        String key = prefix + component.path("key").asText();
        if (label != null) {
          labels.put(key, label);
        }
        for (JsonNode option : component.path("values")) {
          labels.put(key + "=" + option.path("value").asText(), option.path("label").asText());
        }
      }
    }
  }

  /** A label up to its explanation: "Rituals — adjust the dates…" is "Rituals". */
  static String shortLabel(String label) {
    if (label == null || label.isBlank()) {
      return null;
    }
    String shortened = label.split(" — |: |\\(", 2)[0].trim();
    return shortened.isEmpty() ? label.trim() : shortened;
  }
}
