package com.kap.platform.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kap.platform.identity.RoleAccess;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * Every text of the forms, of the processes' and user tasks' names and of KAP's Tasklist filters, whose English is
 * in the source files, has its French in {@code i18n/source/} (docs/i18n.md, "Forms, tasks and filters"), and every
 * French text still has its English: a field renamed or removed in Camunda Modeler leaves no orphan behind. The
 * French keeps the English's {@code {{templates}}} and, for a FEEL text, its expression.
 */
class FormTranslationsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{.*?}}");
  private static final Pattern FEEL_STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

  @Test
  void everyFormTextHasItsFrenchAndEveryFrenchItsText() throws IOException {
    Map<String, String> english = new LinkedHashMap<>();
    for (Path form : sources(Path.of("forms"), ".form")) {
      english.putAll(formTexts(Files.readString(form)));
    }
    english.putAll(formTexts(Files.readString(Path.of("src/main/resources/demo/letTimePass.form"))));
    assertThat(english).hasSizeGreaterThan(300).containsKey("draftAccountPlan.objectives[].type.option.revenue");
    assertThat(problems("forms_fr.properties", english, bundle("forms"))).isEmpty();
  }

  @Test
  void everyProcessAndUserTaskNameHasItsFrenchAndEveryFrenchItsName() throws IOException {
    Map<String, String> english = new LinkedHashMap<>();
    List<Path> diagrams = new ArrayList<>(sources(Path.of("bpmn"), ".bpmn"));
    diagrams.add(Path.of("src/main/resources/demo/letTimePass.bpmn"));
    for (Path diagram : diagrams) {
      english.putAll(names(Bpmn.readModelFromFile(diagram.toFile())));
    }
    assertThat(english).containsEntry("accountPlan.name", "Account plan")
        .containsEntry("annualPlanningCycle.validateSegmentation.name", "Validate segmentation");
    assertThat(problems("processes_fr.properties", english, bundle("processes"))).isEmpty();
  }

  @Test
  void everyFilterNameAndColumnHasItsFrenchAndEveryFrenchItsFilter() throws IOException {
    Map<String, String> english = new LinkedHashMap<>();
    RoleAccess.FILTER_NAMES.forEach(name -> english.put(SourceTexts.filterKey(name), name));
    RoleAccess.COLUMNS.forEach(column -> english.put("filter.column." + column.get("name"), column.get("label")));
    assertThat(english).containsEntry("filter.myGroupsTasks", "My group's tasks");
    assertThat(problems("filters_fr.properties", english, bundle("filters"))).isEmpty();
  }

  @Test
  void aFormFieldWithoutFrenchAnOrphanedFrenchOrAChangedTemplateIsFound() throws IOException {
    String form = """
        {"id": "madeUp", "components": [
          {"id": "header", "type": "text", "text": "### Plan {{year}}"},
          {"id": "summary", "type": "text", "text": "=planSummary"},
          {"id": "f1", "key": "budget", "type": "number", "label": "Budget", "description": "Whole units"},
          {"id": "f2", "key": "mood", "type": "select", "label": "=\\"Mood of \\" + accountName",
           "values": [{"value": "good", "label": "Good"}]},
          {"id": "l", "type": "dynamiclist", "path": "rows", "label": "Rows", "components": [
            {"id": "f3", "key": "owner", "type": "textfield", "label": "Owner"}]}]}
        """;
    Map<String, String> english = formTexts(form);
    assertThat(english).containsOnlyKeys("madeUp.header.text", "madeUp.budget.label", "madeUp.budget.description",
        "madeUp.mood.label", "madeUp.mood.option.good", "madeUp.rows.label", "madeUp.rows[].owner.label");
    Properties french = new Properties();
    french.setProperty("madeUp.header.text", "### Plan {{annee}}");
    french.setProperty("madeUp.budget.label", "Budget");
    french.setProperty("madeUp.budget.description", " ");
    french.setProperty("madeUp.mood.label", "=\"Humeur de \" + compte");
    french.setProperty("madeUp.mood.option.good", "Bonne");
    french.setProperty("madeUp.rows.label", "Lignes");
    french.setProperty("madeUp.removed.label", "Supprimé");
    assertThat(problems("x", english, french)).containsExactlyInAnyOrder(
        "x: madeUp.rows[].owner.label has no French (\"Owner\")",
        "x: madeUp.removed.label has no text in the sources any more",
        "x: madeUp.budget.description is empty in French",
        "x: madeUp.header.text has templates [{{year}}] in English but [{{annee}}] in French",
        "x: madeUp.mood.label has the FEEL expression '= + accountName' in English but '= + compte' in French");
  }

  @Test
  void aFrenchUserGetsTheFrenchOfAFormAndItsValuesUntouched() throws IOException {
    JsonNode form = JSON.readTree(SourceTexts.class.getClassLoader().getResource("approveAccountPlan.form"));
    SourceTexts.translateForm(form, Locale.FRENCH);
    JsonNode decision = form.findParent("values");
    assertThat(decision.path("label").asText()).isEqualTo("Décision");
    assertThat(decision.path("key").asText()).isEqualTo("decision");
    assertThat(decision.path("values").findValuesAsText("label")).containsExactly("Approuver le plan",
        "Renvoyer au KAM");
    assertThat(decision.path("values").findValuesAsText("value")).containsExactly("approve", "sendBack");
    JsonNode english = JSON.readTree(SourceTexts.class.getClassLoader().getResource("approveAccountPlan.form"));
    SourceTexts.translateForm(english, Locale.ENGLISH);
    assertThat(english.findParent("values").path("label").asText()).isEqualTo("Decision");
  }

  static Map<String, String> formTexts(String form) throws IOException {
    return SourceTexts.formTexts(JSON.readTree(form));
  }

  /** A process's name and its user tasks' names, by key; a nameless one has nothing to translate. */
  static Map<String, String> names(BpmnModelInstance model) {
    Map<String, String> names = new LinkedHashMap<>();
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (process.getName() != null && !process.getName().isBlank()) {
        names.put(process.getId() + ".name", process.getName());
      }
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      org.camunda.bpm.model.xml.instance.ModelElementInstance parent = task.getParentElement();
      while (parent != null && !(parent instanceof Process)) {
        parent = parent.getParentElement();
      }
      if (parent != null && task.getName() != null && !task.getName().isBlank()) {
        names.put(((Process) parent).getId() + "." + task.getId() + ".name", task.getName());
      }
    }
    return names;
  }

  static List<String> problems(String bundle, Map<String, String> english, Properties french) {
    List<String> problems = new ArrayList<>();
    english.forEach((key, text) -> {
      if (!french.containsKey(key)) {
        problems.add(bundle + ": " + key + " has no French (\"" + text + "\")");
      }
    });
    for (String key : new TreeSet<>(french.stringPropertyNames())) {
      if (!english.containsKey(key)) {
        problems.add(bundle + ": " + key + " has no text in the sources any more");
        continue;
      }
      String en = english.get(key);
      String fr = french.getProperty(key);
      if (fr.isBlank()) {
        problems.add(bundle + ": " + key + " is empty in French");
        continue;
      }
      List<String> inEnglish = templates(en);
      List<String> inFrench = templates(fr);
      if (!inEnglish.equals(inFrench)) {
        problems.add(bundle + ": " + key + " has templates " + inEnglish + " in English but " + inFrench
            + " in French");
      }
      if (en.startsWith("=") || fr.startsWith("=")) {
        String enFeel = feel(en);
        String frFeel = feel(fr);
        if (!en.startsWith("=") || !fr.startsWith("=") || !enFeel.equals(frFeel)) {
          problems.add(bundle + ": " + key + " has the FEEL expression '" + enFeel + "' in English but '" + frFeel
              + "' in French");
        }
      }
    }
    return problems;
  }

  /** The text's {{templates}}, sorted: the French may put them elsewhere, not change them. */
  private static List<String> templates(String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = TEMPLATE.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    found.sort(null);
    return found;
  }

  /** A FEEL text without its strings (what is translated) and spaces: what must stay the same. */
  private static String feel(String text) {
    return FEEL_STRING.matcher(text).replaceAll("").replaceAll("\\s+", " ").trim();
  }

  private static List<Path> sources(Path folder, String extension) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(file -> file.getFileName().toString().endsWith(extension)).sorted().toList();
    }
  }

  private static Properties bundle(String name) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = SourceTexts.class.getClassLoader()
        .getResourceAsStream(SourceTexts.FOLDER + name + "_fr.properties")) {
      assertThat(in).as(SourceTexts.FOLDER + name + "_fr.properties").isNotNull();
      try (Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
        properties.load(reader);
      }
    }
    return properties;
  }
}
