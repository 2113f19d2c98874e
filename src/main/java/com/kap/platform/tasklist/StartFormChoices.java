package com.kap.platform.tasklist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The choices of KAP's start forms, for the person who opens them: a KAM's bid offers her own accounts and her own
 * bids in open rounds, a budget round the directors for its committee and chair. Tasklist gives start forms no
 * variables, so {@link StartFormOptions} serves these as the start form's variables, where Camunda Forms' selects
 * find them by their {@code valuesKey}. The server still checks every submitted value. The module that owns a
 * process says what its start form offers, as a {@link StartFormChoiceSource}.
 */
@Component
public class StartFormChoices {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static volatile StartFormChoices current;

  private final List<StartFormChoiceSource> sources;
  private final ZoneId zone;

  /** @param zone KAP's time zone ({@code kap.time-zone}), in which deadlines end: forms name it */
  public StartFormChoices(List<StartFormChoiceSource> sources, @Value("${kap.time-zone}") ZoneId zone) {
    this.sources = List.copyOf(sources);
    this.zone = zone;
    current = this;
  }

  /** The instance of the running application, for Jersey's providers, which Spring does not create. */
  static StartFormChoices current() {
    return current;
  }

  /** The option lists of the process's start form for {@code userId}, by their valuesKey; empty for other forms. */
  public Map<String, List<Map<String, String>>> forStartForm(String processKey, String userId) {
    Map<String, List<Map<String, String>>> choices = new LinkedHashMap<>();
    for (StartFormChoiceSource source : sources) {
      choices.putAll(source.choices(processKey, userId));
    }
    return choices;
  }

  /**
   * The choices as Camunda's REST API shows variables: Json values Tasklist parses for the form; beside them
   * {@code timeZone}, the zone deadlines end in, which a form names in its texts ("end of day, {{timeZone}}").
   */
  public Map<String, Map<String, Object>> asVariables(Map<String, List<Map<String, String>>> choices) {
    Map<String, Map<String, Object>> variables = new LinkedHashMap<>();
    variables.put("timeZone", Map.of("type", "String", "value", zone.getId(), "valueInfo", Map.of()));
    choices.forEach((name, options) -> {
      try {
        variables.put(name, Map.of("type", "Json", "value", JSON.writeValueAsString(options), "valueInfo", Map.of()));
      } catch (JsonProcessingException impossible) {
        throw new IllegalStateException(impossible);
      }
    });
    return variables;
  }
}
