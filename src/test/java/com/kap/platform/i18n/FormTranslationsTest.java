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
import org.junit.jupiter.api.Test;

/**
 * Every text of the forms, of the names of the processes and of every named element of their diagrams, and of KAP's
 * Tasklist filters, whose English is in the source files, has its French in {@code i18n/source/} (docs/i18n.md,
 * "Forms, tasks and filters"), and every
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
  void everyNamedElementOfEveryDiagramHasItsFrenchAndEveryFrenchItsElement() throws IOException {
    Map<String, String> english = new LinkedHashMap<>();
    List<Path> diagrams = new ArrayList<>(sources(Path.of("bpmn"), ".bpmn"));
    diagrams.add(Path.of("src/main/resources/demo/letTimePass.bpmn"));
    for (Path diagram : diagrams) {
      english.putAll(names(Bpmn.readModelFromFile(diagram.toFile())));
    }
    assertThat(english).containsEntry("accountPlan.name", "Account plan")
        .containsEntry("annualPlanningCycle.validateSegmentation.name", "Validate segmentation")
        .containsEntry("followUpAction.remindActionOwner.name", "Remind the owner")
        .containsEntry("investmentBid.funded.name", "yes")
        .containsEntry("ritualPlan.ritualOccurrence.name", "Ritual occurrence")
        .doesNotContainValue("planDepth").doesNotContainValue("allPlansApproved");
    assertThat(problems("processes_fr.properties", english, bundle("processes"))).isEmpty();
  }

  @Test
  void aStepAddedWithoutFrenchIsNamedAndOnlyShownNamesCount() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("madeUp").name("Made up")
        .startEvent("asked").name("Asked")
        .exclusiveGateway("ok").name("OK?")
        .sequenceFlowId("yes").condition("yes", "${ok}")
        .serviceTask("remind").name("Remind\nthe owner").camundaClass("x.Remind")
        .endEvent("done")
        .moveToLastGateway().sequenceFlowId("no").condition("no", "${!ok}").endEvent("stopped").name("Stopped")
        .done();
    Map<String, String> english = names(model);
    assertThat(english).containsOnlyKeys("madeUp.name", "madeUp.asked.name", "madeUp.ok.name",
        "madeUp.remind.name", "madeUp.done.name", "madeUp.stopped.name", "madeUp.yes.name", "madeUp.no.name");
    Properties french = new Properties();
    english.keySet().stream().filter(key -> !key.equals("madeUp.remind.name"))
        .forEach(key -> french.setProperty(key, "fr"));
    french.setProperty("madeUp.removedStep.name", "Supprimée");
    assertThat(problems("x", english, french)).containsExactlyInAnyOrder(
        "x: madeUp.remind.name has no French (\"Remind\nthe owner\")",
        "x: madeUp.removedStep.name has no text in the sources any more");
  }

  @Test
  void aFrenchDiagramHasTheFrenchNamesAndTheSameIdsAndAnEnglishOneIsUntouched() throws IOException {
    String xml = Files.readString(Path.of("bpmn/followUpAction.bpmn"));
    assertThat(DiagramNames.translate(xml, Locale.ENGLISH)).isSameAs(xml);
    String french = DiagramNames.translate(xml, Locale.FRENCH);
    assertThat(french).contains("name=\"Relancer le responsable\"", "name=\"Échéance dépassée\"",
        "name=\"Action de suivi\"", "id=\"remindActionOwner\"", "camunda:", "bpmndi:BPMNShape")
        .doesNotContain("Remind the owner", "Due date passed");
    BpmnModelInstance read = Bpmn.readModelFromStream(
        new java.io.ByteArrayInputStream(french.getBytes(StandardCharsets.UTF_8)));
    Map<String, String> translated = names(read);
    Map<String, String> original = names(Bpmn.readModelFromFile(Path.of("bpmn/followUpAction.bpmn").toFile()));
    assertThat(translated.keySet()).isEqualTo(original.keySet());
    translated.forEach((key, name) -> assertThat(name).as(key).isEqualTo(SourceTexts.text(Locale.FRENCH, key)));
  }

  @Test
  void aNameWithALineBreakIsTranslatedAndALineBreakInFrenchStaysOne() {
    String xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"
            targetNamespace="http://kap">
          <bpmn:process id="followUpAction" name="Follow-up&#10;action" isExecutable="true">
            <bpmn:startEvent id="actionAgreed" name="Action&#10;agreed" />
            <bpmn:startEvent id="untranslated" name="Two&#10;lines" />
          </bpmn:process>
        </bpmn:definitions>
        """;
    String french = DiagramNames.translate(xml, Locale.FRENCH);
    assertThat(french).contains("name=\"Action de suivi\"", "name=\"Action convenue\"", "id=\"actionAgreed\"",
        "name=\"Two&#10;lines\"").doesNotContain("agreed");
    BpmnModelInstance read = Bpmn.readModelFromStream(
        new java.io.ByteArrayInputStream(french.getBytes(StandardCharsets.UTF_8)));
    assertThat(read.getModelElementById("untranslated").getAttributeValue("name")).isEqualTo("Two\nlines");
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

  /** Every name the process's diagram shows (DiagramNames), by key, in English. */
  static Map<String, String> names(BpmnModelInstance model) {
    Map<String, String> names = new LinkedHashMap<>();
    DiagramNames.of(model).forEach((key, element) -> names.put(key, element.getAttributeValue("name")));
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
