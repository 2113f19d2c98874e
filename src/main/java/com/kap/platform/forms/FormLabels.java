package com.kap.platform.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kap.platform.i18n.SourceTexts;
import java.io.IOException;
import java.io.InputStream;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
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
 *
 * <p>Labels are in the language of the person the refusal is for ({@link #describe(String, String)}: the
 * authenticated user's, as {@link FormLabelsLanguage} tells): the French of a form is in the same bundle Tasklist's
 * forms are translated from ({@link SourceTexts}), so that a refusal names the field as the form showed it.
 */
public final class FormLabels {

  private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  private static final Pattern ROW = Pattern.compile("^([A-Za-z0-9_]+)\\[(\\d+)]\\.(.+)$");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, Map<String, String>> BY_FORM = new ConcurrentHashMap<>();
  private static volatile Supplier<Locale> language = () -> Locale.ENGLISH;

  private FormLabels() {}

  /** Where the language of the person a refusal is for comes from (the authenticated user's, in the app). */
  public static void useLanguageOf(Supplier<Locale> source) {
    language = source == null ? () -> Locale.ENGLISH : source;
  }

  /** The language labels are given in now: the authenticated user's; English when it cannot be told. */
  public static Locale language() {
    try {
      Locale locale = language.get();
      return locale == null ? Locale.ENGLISH : locale;
    } catch (RuntimeException noEngineOrUser) {
      return Locale.ENGLISH;
    }
  }

  /** The field as its form labels it, e.g. "Rituals, row 2: Customer participants"; the path where none does. */
  public static String describe(String formId, String path) {
    return describe(formId, path, language());
  }

  /** The field as its form labels it in the language, e.g. "Rituels, ligne 2 : Participants client". */
  public static String describe(String formId, String path, Locale locale) {
    Map<String, String> labels = formId == null ? Map.of() : labels(formId, locale);
    Matcher row = ROW.matcher(path);
    if (row.matches()) {
      String list = labels.getOrDefault(row.group(1), row.group(1));
      String field = labels.getOrDefault(row.group(1) + "[]." + row.group(3), row.group(3));
      return MessageFormat.format(text(locale, "form.row", "{0}, row {1}: {2}"), list,
          String.valueOf(Integer.parseInt(row.group(2)) + 1), field);
    }
    return labels.getOrDefault(path, path);
  }

  /** A text of KAP's messages bundle in the language (FormLabels serves code outside Spring too). */
  static String text(Locale locale, String key, String english) {
    try {
      return ResourceBundle.getBundle("i18n.messages", SourceTexts.isFrench(locale) ? Locale.FRENCH : Locale.ROOT,
          ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
    } catch (MissingResourceException missing) {
      return english;
    }
  }

  private static Map<String, String> labels(String formId, Locale locale) {
    boolean french = SourceTexts.isFrench(locale);
    return BY_FORM.computeIfAbsent(formId + (french ? "|fr" : "|en"), any -> read(formId, french));
  }

  /**
   * The label a select of the form shows for a value, e.g. ("draftAccountPlan", "objectives[].type", "revenue") is
   * "Revenue"; the value itself where the form has no such option.
   */
  public static String option(String formId, String field, String value) {
    if (value == null) {
      return null;
    }
    return option(formId, field, value, Locale.ENGLISH);
  }

  /** The label a select of the form shows for a value in the language. */
  public static String option(String formId, String field, String value, Locale locale) {
    if (value == null) {
      return null;
    }
    return labels(formId, locale).getOrDefault(field + "=" + value, value);
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

  private static Map<String, String> read(String formId, boolean french) {
    Map<String, String> labels = new HashMap<>();
    // forms/ is copied to the classpath's root; the demo profile's own forms are in demo/
    InputStream found = FormLabels.class.getClassLoader().getResourceAsStream(formId + ".form");
    if (found == null) {
      found = FormLabels.class.getClassLoader().getResourceAsStream("demo/" + formId + ".form");
    }
    try (InputStream in = found) {
      if (in != null) {
        JsonNode form = JSON.readTree(in);
        if (french) {
          SourceTexts.translateForm(form, Locale.FRENCH);
        }
        collect(form.path("components"), "", labels);
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
      } else if (component.hasNonNull("key")) {
        // a field, even one that carries an empty "components" list as Modeler sometimes writes it
        String key = prefix + component.path("key").asText();
        if (label != null) {
          labels.put(key, label);
        }
        for (JsonNode option : component.path("values")) {
          labels.put(key + "=" + option.path("value").asText(), option.path("label").asText());
        }
      } else if (component.has("components")) {
        collect(component.path("components"), prefix, labels);
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
