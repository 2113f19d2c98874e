package com.kap.platform.i18n;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The translations of texts whose English lives in a source file a process owner edits: the forms
 * ({@code forms/*.form}), the processes' and user tasks' names ({@code bpmn/*.bpmn}) and the names of KAP's Tasklist
 * filters ({@code RoleAccess}). The English stays where it is; the French is in {@value #FOLDER}
 * ({@code forms_fr.properties}, {@code processes_fr.properties}, {@code filters_fr.properties}), keyed by where the
 * text sits (docs/i18n.md, "Forms, tasks and filters"):
 *
 * <ul>
 *   <li>a form's text: {@code <formId>.<field>.<label|description|text|placeholder|dateLabel|timeLabel|alt>}, an
 *       option's label {@code <formId>.<field>.option.<value>}, a table's column {@code <formId>.<field>.column.<key>};
 *       the field is the component's key, a dynamic list's path, or the id of a component without key (a text);
 *       a field inside a dynamic list is {@code <path>[].<key>}, e.g. {@code draftAccountPlan.objectives[].type.label};
 *   <li>a process's name {@code <processKey>.name}, a user task's or any other named element's of its diagram
 *       {@code <processKey>.<elementId>.name} ({@link DiagramNames});
 *   <li>a filter's name {@code filter.<name in lowerCamelCase>}, e.g. {@code filter.plansToApprove}.
 * </ul>
 *
 * <p>A text that is only a FEEL expression without a string ({@code =planSummary}) has nothing to translate and no
 * key. {@code FormTranslationsTest} keeps the French and the sources in step, in both directions.
 */
public final class SourceTexts {

  public static final String FOLDER = "i18n/source/";
  public static final List<String> BUNDLES = List.of("forms", "processes", "filters");
  /** The texts of a form component that are translated, in this order. */
  public static final List<String> PROPERTIES =
      List.of("label", "description", "text", "placeholder", "dateLabel", "timeLabel", "alt");

  private static final Map<String, String> FRENCH = load(Locale.FRENCH);

  private SourceTexts() {}

  /** What a text at a place is called in a language: its translation, or null where there is none (English). */
  public static String text(Locale locale, String key) {
    return isFrench(locale) ? FRENCH.get(key) : null;
  }

  /** Whether the language is one the sources are translated into (the sources are English). */
  public static boolean isFrench(Locale locale) {
    return locale != null && Locale.FRENCH.getLanguage().equals(locale.getLanguage());
  }

  /** The French texts of every bundle, merged; for the tests. */
  public static Map<String, String> french() {
    return FRENCH;
  }

  static Map<String, String> load(Locale locale) {
    Map<String, String> texts = new LinkedHashMap<>();
    for (String bundle : BUNDLES) {
      String name = FOLDER + bundle + "_" + locale.getLanguage() + ".properties";
      try (InputStream in = SourceTexts.class.getClassLoader().getResourceAsStream(name)) {
        if (in == null) {
          continue;
        }
        Properties properties = new Properties();
        properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        properties.stringPropertyNames().forEach(key -> texts.put(key, properties.getProperty(key)));
      } catch (IOException e) {
        throw new UncheckedIOException(name, e);
      }
    }
    return Map.copyOf(texts);
  }

  /** The key of a Tasklist filter's name: "Plans to approve" is {@code filter.plansToApprove}. */
  public static String filterKey(String name) {
    StringBuilder key = new StringBuilder("filter.");
    boolean first = true;
    for (String word : name.replaceAll("[^A-Za-z0-9 ]", "").trim().split(" +")) {
      if (word.isEmpty()) {
        continue;
      }
      key.append(first ? word.toLowerCase(Locale.ROOT)
          : Character.toUpperCase(word.charAt(0)) + word.substring(1).toLowerCase(Locale.ROOT));
      first = false;
    }
    return key.toString();
  }

  /** A text found at a place of a form; what it returns replaces it (null keeps it). */
  @FunctionalInterface
  public interface FormText {
    String at(String key, String text);
  }

  /** The translatable texts of a form (its JSON), by key, in the form's order. */
  public static Map<String, String> formTexts(JsonNode form) {
    Map<String, String> texts = new LinkedHashMap<>();
    visitForm(form, (key, text) -> {
      texts.put(key, text);
      return null;
    });
    return texts;
  }

  /** The form (its JSON, changed in place) in the language: labels, descriptions, texts, options' labels. */
  public static void translateForm(JsonNode form, Locale locale) {
    if (isFrench(locale)) {
      visitForm(form, (key, text) -> FRENCH.get(key));
    }
  }

  /** Visits every translatable text of the form, replacing it by what the visitor answers (null: kept). */
  public static void visitForm(JsonNode form, FormText visitor) {
    String formId = form.path("id").asText(null);
    if (formId != null) {
      visit(formId + ".", form.path("components"), visitor);
    }
  }

  private static void visit(String prefix, JsonNode components, FormText visitor) {
    for (JsonNode node : components) {
      if (!(node instanceof ObjectNode component)) {
        continue;
      }
      boolean list = "dynamiclist".equals(component.path("type").asText()) && hasText(component.path("path"));
      String field = list ? component.path("path").asText()
          : hasText(component.path("key")) ? component.path("key").asText() : component.path("id").asText(null);
      if (field != null) {
        String place = prefix + field + ".";
        for (String property : PROPERTIES) {
          JsonNode text = component.path(property);
          if (text.isTextual() && translatable(text.asText())) {
            String replaced = visitor.at(place + property, text.asText());
            if (replaced != null) {
              component.put(property, replaced);
            }
          }
        }
        replaceLabels(component.path("values"), "value", place + "option.", visitor);
        replaceLabels(component.path("columns"), "key", place + "column.", visitor);
      }
      if (component.has("components")) {
        visit(list ? prefix + field + "[]." : prefix, component.path("components"), visitor);
      }
    }
  }

  private static void replaceLabels(JsonNode entries, String keyName, String prefix, FormText visitor) {
    for (JsonNode node : entries) {
      if (node instanceof ObjectNode entry && entry.path("label").isTextual() && translatable(entry.path("label")
          .asText()) && entry.hasNonNull(keyName)) {
        String replaced = visitor.at(prefix + entry.path(keyName).asText(), entry.path("label").asText());
        if (replaced != null) {
          entry.put("label", replaced);
        }
      }
    }
  }

  private static boolean hasText(JsonNode node) {
    return node.isTextual() && !node.asText().isBlank();
  }

  /** A text a person reads: not blank, and not a FEEL expression without any string in it. */
  static boolean translatable(String text) {
    return !text.isBlank() && !(text.startsWith("=") && !text.contains("\""));
  }
}
