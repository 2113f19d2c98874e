package com.kap.platform.tasklist;

import java.util.List;
import java.util.Map;

/**
 * A module's choices for its start forms: the module that owns a process knows what its start form offers to whom,
 * and {@link StartFormChoices} gathers the choices of every source for Tasklist.
 */
public interface StartFormChoiceSource {

  /** The option lists of {@code processKey}'s start form for {@code userId}, by valuesKey; empty for other forms. */
  Map<String, List<Map<String, String>>> choices(String processKey, String userId);

  /** One option of a select, as Camunda Forms reads it. */
  static Map<String, String> option(String label, String value) {
    return Map.of("label", label, "value", value);
  }
}
