package com.kap.platform.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A refusal names a field by its form's label, in either language, whatever the form's JSON looks like. */
class FormLabelsTest {

  @Test
  void aFieldWithAnEmptyComponentsListIsNamedByItsLabel() {
    // Modeler writes "components": [] on some fields; they were taken for groups, and refusals named the key
    assertThat(FormLabels.describe("proposeRitualCalendar", "justification", Locale.ENGLISH))
        .isEqualTo("Justification");
    assertThat(FormLabels.describe("proposeRitualCalendar", "justification", Locale.FRENCH))
        .isEqualTo("Justification");
  }

  @Test
  void everyLabelledFieldOfEveryFormIsNamedByItsLabel() throws IOException {
    List<String> unnamed = new ArrayList<>();
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
        String formId = form.getFileName().toString().replace(".form", "");
        fields(new ObjectMapper().readTree(form.toFile()).path("components"), "", formId, unnamed);
      }
    }
    assertThat(unnamed).as("fields a refusal would name by their key").isEmpty();
  }

  private static void fields(JsonNode components, String prefix, String formId, List<String> unnamed) {
    for (JsonNode component : components) {
      if ("dynamiclist".equals(component.path("type").asText())) {
        fields(component.path("components"), prefix + component.path("path").asText() + "[].", formId, unnamed);
      } else if (component.hasNonNull("key")) {
        String key = prefix + component.path("key").asText();
        String label = component.path("label").asText(component.path("dateLabel").asText(""));
        if (!label.isBlank() && !key.contains("[]") && FormLabels.describe(formId, key, Locale.ENGLISH).equals(key)) {
          unnamed.add(formId + ": " + key);
        }
      } else {
        fields(component.path("components"), prefix, formId, unnamed);
      }
    }
  }
}
