package com.kap.diagrams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The forms in {@code forms/}, by id. Each must be JSON with an id of its own; each field key (and each dynamic
 * list's path) must be a plain variable name that JUEL can read ({@code ${key}}), and unique where it is: two
 * fields of one form with one key would overwrite each other's value.
 */
final class FormDefinitions {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Set<String> JUEL_RESERVED = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge",
      "true", "false", "null", "instanceof", "empty", "div", "mod");

  private final Map<String, Form> byId = new LinkedHashMap<>();
  private final Set<String> fileNames = new LinkedHashSet<>();

  static FormDefinitions read(ProjectFiles files, List<Problem> problems) {
    FormDefinitions forms = new FormDefinitions();
    for (Path file : files.formFiles()) {
      forms.fileNames.add(file.getFileName().toString());
      forms.add(files.name(file), file, problems);
    }
    return forms;
  }

  Optional<Form> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  boolean hasFile(String fileName) {
    return fileNames.contains(fileName);
  }

  private void add(String name, Path file, List<Problem> problems) {
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (IOException e) {
      problems.add(Problem.inFile(name, "is not JSON: " + e.getMessage()));
      return;
    }
    String id = root.path("id").asText("");
    if (id.isBlank()) {
      problems.add(Problem.inFile(name, "has no id (a formRef names a form by its id)"));
      return;
    }
    if (byId.containsKey(id)) {
      problems.add(Problem.inFile(name, "has the id '" + id + "' of " + byId.get(id).file()));
      return;
    }
    Set<String> variables = new LinkedHashSet<>();
    Set<String> entryKeys = new LinkedHashSet<>();
    new Fields(name, problems, variables, entryKeys).walk(root.path("components"), "");
    byId.put(id, new Form(id, name, variables, entryKeys));
  }

  /** Walks a form's components; a component with a path (a dynamic list, a group) opens a scope of its own. */
  private record Fields(String file, List<Problem> problems, Set<String> variables, Set<String> entryKeys,
      Map<String, String> componentByScopedKey) {

    Fields(String file, List<Problem> problems, Set<String> variables, Set<String> entryKeys) {
      this(file, problems, variables, entryKeys, new HashMap<>());
    }

    void walk(JsonNode components, String scope) {
      for (JsonNode component : components) {
        String componentId = component.path("id").asText("?");
        String path = component.path("path").asText("");
        String key = component.path("key").asText("");
        String bound = !path.isEmpty() ? path : "button".equals(component.path("type").asText()) ? "" : key;
        if (!bound.isEmpty()) {
          checkName(componentId, bound, scope);
          (scope.isEmpty() ? variables : entryKeys).add(bound);
        }
        if (component.has("components")) {
          walk(component.path("components"), path.isEmpty() ? scope : scope + path + "/");
        }
      }
    }

    private void checkName(String componentId, String name, String scope) {
      String element = "field '" + componentId + "'";
      if (!VARIABLE_NAME.matcher(name).matches() || JUEL_RESERVED.contains(name)) {
        problems.add(new Problem(file, element, "key '" + name + "' is no plain variable name (letters, digits, _;"
            + " not a JUEL word): expressions could not read it"));
      }
      String other = componentByScopedKey.putIfAbsent(scope + name, componentId);
      if (other != null) {
        problems.add(new Problem(file, element, "key '" + name + "' is also the key of field '" + other
            + "': one would overwrite the other's value"));
      }
    }
  }
}
