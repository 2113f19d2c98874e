package com.kap.platform.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * What a DMN table decides, said to people in their language. The tables ({@code bpmn/*.dmn}, edited in Camunda
 * Modeler) stay the single source of the rules and of their English: a rule's text output, e.g. bidEligibility's
 * {@code "Streamline accounts may bid for cost-to-serve only"} or accountHealth's
 * {@code "Rituals held: " + string(heldPercent) + " % of those due"}, is what people read in English. Its French is
 * in {@code i18n/decisions_fr.properties}, keyed by where the text sits,
 * {@code decision.<decisionId>.<ruleId>.<output>} (the rule's id, e.g.
 * {@code decision.bidEligibility.streamlineRule.reason}), the values the expression puts into the text as {0}, {1}...
 * in the order they appear. {@code decisions.properties} holds the English of the same keys as the
 * tables compute it, and {@code DecisionTextsTest} keeps both in step with the tables.
 *
 * <p>A value the table gave is recognised by its rule's text (its strings, with anything in between for the
 * expressions); a value no rule's text matches (a table changed since, or a rule without French) stays as it is.
 */
public final class DecisionTexts {

  public static final String BUNDLE = "i18n.decisions";
  public static final String PREFIX = "decision.";
  /** The outputs people read: decision id, its text outputs. */
  public static final Map<String, List<String>> SHOWN = Map.of(
      "accountHealth", List.of("reason"),
      "bidEligibility", List.of("reason"));

  private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Map<String, Map<String, Template>> BY_DECISION = new ConcurrentHashMap<>();

  private DecisionTexts() {}

  /** A rule's text output as a template: its English with {0}, {1}... for the values, and how to recognise it. */
  public record Template(String key, String english, Pattern recognised) {}

  /**
   * The value the table gave for the output, in the language: its French where a rule's text recognises it,
   * else as it is.
   */
  public static String say(Locale locale, String decisionId, String output, String value) {
    return say(locale, decisionId, output, value, List.of());
  }

  /**
   * The same, a value that is itself words said by the {@code words} for its rule's text ({@link DecisionValueWords}):
   * "No decision maker with an owner in the stakeholder map" is "Il manque un décideur avec un responsable chez nous
   * dans la cartographie des parties prenantes", not "Pas de decision maker with an owner…".
   */
  public static String say(Locale locale, String decisionId, String output, String value,
      Collection<? extends DecisionValueWords> words) {
    if (value == null || !SourceTexts.isFrench(locale)) {
      return value;
    }
    for (Template template : templates(decisionId).values()) {
      Matcher matched = template.recognised().matcher(value);
      if (template.key().endsWith("." + output) && matched.matches()) {
        String french = french(template.key());
        if (french == null) {
          return value;
        }
        Object[] values = new Object[matched.groupCount()];
        for (int i = 0; i < values.length; i++) {
          values[i] = value(words, template.key(), i, locale, matched.group(i + 1));
        }
        return new MessageFormat(french, Locale.FRENCH).format(values);
      }
    }
    return value;
  }

  /** The value as the words for it say it, else as it is. */
  private static String value(Collection<? extends DecisionValueWords> words, String key, int index, Locale locale,
      String value) {
    for (DecisionValueWords said : words) {
      if (said.key().equals(key) && said.index() == index) {
        String text = said.say(locale, value);
        if (text != null) {
          return text;
        }
      }
    }
    return value;
  }

  /** The templates of a decision's shown outputs, by key, in the table's order. */
  public static Map<String, Template> templates(String decisionId) {
    return BY_DECISION.computeIfAbsent(decisionId, DecisionTexts::read);
  }

  private static String french(String key) {
    try {
      return ResourceBundle.getBundle(BUNDLE, Locale.FRENCH,
          ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
    } catch (MissingResourceException missing) {
      return null;
    }
  }

  private static Map<String, Template> read(String decisionId) {
    Map<String, Template> templates = new LinkedHashMap<>();
    List<String> shown = SHOWN.getOrDefault(decisionId, List.of());
    // bpmn/ is copied to the classpath's root; a table's file is named by its decision
    try (InputStream in = DecisionTexts.class.getClassLoader().getResourceAsStream(decisionId + ".dmn")) {
      if (in == null) {
        return templates;
      }
      DmnModelInstance model = Dmn.readModelFromStream(in);
      Decision decision = model.getModelElementById(decisionId);
      if (decision == null || !(decision.getExpression() instanceof DecisionTable table)) {
        return templates;
      }
      List<Output> outputs = new ArrayList<>(table.getOutputs());
      for (Rule rule : table.getRules()) {
        List<OutputEntry> entries = new ArrayList<>(rule.getOutputEntries());
        for (int i = 0; i < entries.size() && i < outputs.size(); i++) {
          String name = outputs.get(i).getName();
          if (shown.contains(name)) {
            String key = PREFIX + decisionId + "." + rule.getId() + "." + name;
            Template template = template(key, entries.get(i).getTextContent());
            if (template != null) {
              templates.put(key, template);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(decisionId + ".dmn", e);
    }
    return templates;
  }

  /**
   * A FEEL text output as a template: the strings joined by {@code +} at its top level are its words, every other
   * part a value; null for an output that holds no string (e.g. empty, or a variable alone).
   */
  static Template template(String key, String feel) {
    if (feel == null || !feel.contains("\"")) {
      return null;
    }
    StringBuilder english = new StringBuilder();
    StringBuilder regex = new StringBuilder();
    int values = 0;
    for (String part : topLevelParts(feel.strip())) {
      Matcher string = STRING.matcher(part);
      if (string.matches()) {
        String words = string.group(1).replace("\\\"", "\"").replace("\\\\", "\\");
        english.append(words.replace("'", "''").replace("{", "'{'").replace("}", "'}'"));
        regex.append(Pattern.quote(words));
      } else {
        english.append('{').append(values++).append('}');
        regex.append("(.*?)");
      }
    }
    return new Template(key, english.toString(), Pattern.compile(regex.toString(), Pattern.DOTALL));
  }

  /** The parts of a FEEL expression joined by {@code +} outside strings and brackets. */
  private static List<String> topLevelParts(String feel) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    boolean inString = false;
    int start = 0;
    for (int i = 0; i < feel.length(); i++) {
      char c = feel.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
      } else if (c == '+' && depth == 0) {
        parts.add(feel.substring(start, i).strip());
        start = i + 1;
      }
    }
    parts.add(feel.substring(start).strip());
    return parts;
  }
}
