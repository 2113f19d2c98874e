package com.kap.diagrams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The Camunda 7 element templates in {@code bpmn/element-templates/}: each has the fields Camunda Modeler requires
 * of it (by the element templates JSON schema) and a description; each delegate or listener it sets names a
 * Spring bean, each form it sets is in forms/. Every bean a diagram uses as a delegate or execution listener has
 * a template (task listeners have no binding in Camunda 7 templates), and every element a diagram links to a
 * template ({@code camunda:modelerTemplate}) finds it: Modeler locks an element whose template it cannot find.
 */
final class ElementTemplateRules {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern BEAN_EXPRESSION = Pattern.compile("\\$\\{\\s*([A-Za-z_]\\w*)\\s*}");
  private static final Pattern BPMN_TYPE = Pattern.compile("[\\w\\d]+:[\\w\\d]+");
  private static final Set<String> ANY_INPUT = Set.of("String", "Text", "Hidden", "Dropdown", "Boolean");
  private static final Set<String> LINE_INPUT = Set.of("String", "Hidden", "Dropdown");
  private static final Set<String> TEXT_INPUT = Set.of("String", "Text", "Hidden", "Dropdown");
  /** binding type: the property types Modeler allows with it */
  private static final Map<String, Set<String>> BINDINGS = Map.of(
      "property", ANY_INPUT, "camunda:property", LINE_INPUT, "camunda:inputParameter", TEXT_INPUT,
      "camunda:outputParameter", LINE_INPUT, "camunda:in", LINE_INPUT, "camunda:in:businessKey", LINE_INPUT,
      "camunda:out", LINE_INPUT, "camunda:executionListener", Set.of("Hidden"), "camunda:field", TEXT_INPUT,
      "camunda:errorEventDefinition", LINE_INPUT);
  /** binding type: what else the binding must say */
  private static final Map<String, String> BINDING_REQUIRES = Map.of("property", "name", "camunda:property", "name",
      "camunda:inputParameter", "name", "camunda:field", "name", "camunda:outputParameter", "source",
      "camunda:executionListener", "event");

  private record Template(String file, String id, int version, JsonNode json) {}

  private final List<Template> templates = new ArrayList<>();
  private final List<Problem> problems;

  private ElementTemplateRules(List<Problem> problems) {
    this.problems = problems;
  }

  static ElementTemplateRules read(ProjectFiles files, List<Problem> problems) {
    ElementTemplateRules rules = new ElementTemplateRules(problems);
    for (Path file : files.templateFiles()) {
      rules.readFile(files.name(file), file);
    }
    return rules;
  }

  private void readFile(String name, Path file) {
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (IOException e) {
      problems.add(Problem.inFile(name, "is not JSON: " + e.getMessage()));
      return;
    }
    List<JsonNode> each = new ArrayList<>();
    if (root.isArray()) {
      root.forEach(each::add);
    } else {
      each.add(root);
    }
    for (int i = 0; i < each.size(); i++) {
      validate(name, "template #" + (i + 1), each.get(i));
    }
  }

  private void validate(String file, String position, JsonNode template) {
    String id = template.path("id").asText("");
    String where = id.isBlank() ? position : "template '" + id + "'";
    List<String> missing = new ArrayList<>();
    String schema = template.path("$schema").asText("");
    if (!schema.contains("/@camunda/element-templates-json-schema")) {
      missing.add("a $schema of the Camunda 7 element templates JSON schema");
    }
    for (String field : List.of("name", "id", "description")) {
      if (template.path(field).asText("").isBlank()) {
        missing.add("a " + field);
      }
    }
    if (!template.path("version").isInt()) {
      missing.add("a whole-number version");
    }
    JsonNode appliesTo = template.path("appliesTo");
    if (!appliesTo.isArray() || appliesTo.isEmpty()) {
      missing.add("appliesTo, a list of BPMN types");
    } else {
      appliesTo.forEach(type -> {
        if (!BPMN_TYPE.matcher(type.asText("")).matches()) {
          missing.add("BPMN types in appliesTo such as bpmn:ServiceTask, not '" + type.asText() + "'");
        }
      });
    }
    if (!template.path("properties").isArray()) {
      missing.add("a list of properties");
    }
    missing.forEach(what -> problems.add(new Problem(file, where, "needs " + what)));
    template.path("properties").forEach(property -> validateProperty(file, where, property));
    if (!id.isBlank()) {
      Template parsed = new Template(file, id, template.path("version").asInt(0), template);
      templates.stream().filter(t -> t.id().equals(id) && t.version() == parsed.version()).findFirst()
          .ifPresent(t -> problems.add(new Problem(file, where, "has the id and version of a template in " + t.file())));
      templates.add(parsed);
    }
  }

  private void validateProperty(String file, String where, JsonNode property) {
    JsonNode binding = property.path("binding");
    String bindingType = binding.path("type").asText("");
    String label = "property '" + property.path("label").asText(binding.path("name").asText(bindingType)) + "'";
    if (!BINDINGS.containsKey(bindingType)) {
      problems.add(new Problem(file, where, label + " needs a binding of a type Camunda 7 templates know, not '"
          + bindingType + "'"));
      return;
    }
    String required = BINDING_REQUIRES.get(bindingType);
    if (required != null && binding.path(required).asText("").isBlank()) {
      problems.add(new Problem(file, where, label + " needs binding." + required));
    }
    String type = property.path("type").asText("camunda:executionListener".equals(bindingType) ? "Hidden" : "String");
    if (!BINDINGS.get(bindingType).contains(type)) {
      problems.add(new Problem(file, where, label + " has type '" + type + "', which a " + bindingType
          + " binding does not take"));
    }
    if ("Hidden".equals(type) && !property.has("value")) {
      problems.add(new Problem(file, where, label + " is Hidden and needs a value"));
    }
    if ("Dropdown".equals(type) && !property.path("choices").isArray()) {
      problems.add(new Problem(file, where, label + " is a Dropdown and needs choices"));
    }
  }

  /** Beans and forms that the templates set must exist. */
  void checkReferences(KnownBeans beans, FormDefinitions forms) {
    for (Template template : templates) {
      String where = "template '" + template.id() + "'";
      for (JsonNode property : template.json().path("properties")) {
        String value = property.path("value").asText("");
        JsonNode binding = property.path("binding");
        if (setsDelegate(binding)) {
          Matcher bean = BEAN_EXPRESSION.matcher(value);
          if (!bean.matches()) {
            problems.add(new Problem(template.file(), where, "sets '" + value + "' where a ${beanName} belongs"));
          } else if (!beans.exists(bean.group(1))) {
            problems.add(new Problem(template.file(), where, "sets '" + value + "', which names no Spring bean '"
                + bean.group(1) + "'"));
          }
        }
        if ("camunda:formRef".equals(binding.path("name").asText()) && forms.byId(value).isEmpty()) {
          problems.add(new Problem(template.file(), where, "sets formRef '" + value + "', which has no form in forms/"));
        }
      }
    }
  }

  /** Every delegate and execution listener the diagrams use has a template a process owner can pick. */
  void checkEveryDelegateHasATemplate(List<DelegateUse> uses) {
    Set<String> templated = new HashSet<>();
    for (Template template : templates) {
      for (JsonNode property : template.json().path("properties")) {
        Matcher bean = BEAN_EXPRESSION.matcher(property.path("value").asText(""));
        if (setsDelegate(property.path("binding")) && bean.matches()) {
          templated.add(bean.group(1));
        }
      }
    }
    Map<String, DelegateUse> firstUse = new LinkedHashMap<>();
    uses.stream().filter(use -> use.kind() != DelegateUse.Kind.TASK_LISTENER)
        .forEach(use -> firstUse.putIfAbsent(use.bean(), use));
    firstUse.values().stream().filter(use -> !templated.contains(use.bean())).forEach(use -> problems.add(
        new Problem(use.file(), use.element(), "uses bean '" + use.bean() + "', for which bpmn/element-templates/"
            + " has no template")));
  }

  /** Each element linked to a template ({@code camunda:modelerTemplate}) finds that template and version. */
  void checkLinks(String file, Document diagram) {
    Map<String, List<Integer>> versions = new HashMap<>();
    templates.forEach(t -> versions.computeIfAbsent(t.id(), id -> new ArrayList<>()).add(t.version()));
    for (Element element : Xml.elements(diagram.getDocumentElement())) {
      String id = element.getAttributeNS(Xml.CAMUNDA_BPMN, "modelerTemplate");
      if (id.isBlank()) {
        continue;
      }
      String version = element.getAttributeNS(Xml.CAMUNDA_BPMN, "modelerTemplateVersion");
      List<Integer> known = versions.getOrDefault(id, List.of());
      if (known.isEmpty() || (!version.isBlank() && known.stream().map(String::valueOf).noneMatch(version::equals))) {
        problems.add(new Problem(file, Xml.owner(element), "is linked to element template '" + id + "'"
            + (version.isBlank() ? "" : " version " + version) + ", which bpmn/element-templates/ does not have"));
      }
    }
  }

  private static boolean setsDelegate(JsonNode binding) {
    return "camunda:delegateExpression".equals(binding.path("name").asText())
        || "camunda:executionListener".equals(binding.path("type").asText())
        && "delegateExpression".equals(binding.path("implementationType").asText());
  }
}
