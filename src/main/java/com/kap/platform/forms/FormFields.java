package com.kap.platform.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The fields a Camunda Forms definition ({@code forms/*.form}) declares, with the kind of value each submits: the
 * only variables a user may write through that form. A field has a {@code key}; a dynamic list or a group with a
 * {@code path} submits one list or object under that path (its inner fields are not variables of their own). Text,
 * tables, images and other display components declare nothing.
 */
public record FormFields(String formId, Map<String, Kind> fields) {

  /** What a field submits. */
  public enum Kind {
    TEXT, DATE, NUMBER, FLAG, LIST,
    /** A tag list or check list: a Json list of texts, or over /engine-rest a text of comma-separated ones. */
    TEXTS
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> TEXT = Set.of("textfield", "textarea", "radio", "select");
  private static final Set<String> LISTS = Set.of("checklist", "taglist");

  public static FormFields none() {
    return new FormFields(null, Map.of());
  }

  public static FormFields read(InputStream form) throws IOException {
    JsonNode root = JSON.readTree(form);
    Map<String, Kind> fields = new LinkedHashMap<>();
    collect(root, fields);
    return new FormFields(root.path("id").asText(null), Map.copyOf(fields));
  }

  private static void collect(JsonNode container, Map<String, Kind> fields) {
    for (JsonNode component : container.path("components")) {
      String type = component.path("type").asText();
      String key = component.path("key").asText(null);
      String path = component.path("path").asText(null);
      if ("dynamiclist".equals(type) || ("group".equals(type) && path != null && !path.isBlank())) {
        if (path != null && !path.isBlank()) {
          fields.put(path, Kind.LIST);
        }
        continue; // the entries' fields belong to the list, not to the process
      }
      if (key != null && !key.isBlank()) {
        if (TEXT.contains(type)) {
          fields.put(key, Kind.TEXT);
        } else if ("datetime".equals(type)) {
          fields.put(key, Kind.DATE);
        } else if ("number".equals(type) || "expression".equals(type)) {
          // KAP's expression fields count a list's rows as the form held them: see FormValues.objectList
          fields.put(key, Kind.NUMBER);
        } else if ("checkbox".equals(type)) {
          fields.put(key, Kind.FLAG);
        } else if (LISTS.contains(type)) {
          fields.put(key, Kind.TEXTS);
        }
      }
      collect(component, fields);
    }
  }
}
