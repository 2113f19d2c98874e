package com.kap.platform.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * KAP's French for Tasklist ({@code locales/fr.json}) covers exactly what Camunda's English ({@code en.json} in the
 * webapp webjar on the classpath) says: the same labels, the same date-locale fields, the same {{placeholders}}, no
 * label left empty that English fills. A Camunda upgrade that adds or renames a label fails here, loudly, instead of
 * showing French users an English or a raw key.
 */
class TasklistFrenchCompleteTest {

  static final String TASKLIST = "META-INF/resources/webjars/camunda/app/tasklist/";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}");

  @Test
  void frenchHasExactlyTheLabelsOfCamundasEnglish() throws IOException {
    JsonNode en = read("en.json");
    JsonNode fr = read("fr.json");
    assertThat(en.get("labels").size()).as("Camunda's English labels").isGreaterThan(300);
    assertThat(names(fr.get("labels"))).as("fr.json's labels against en.json's")
        .containsExactlyInAnyOrderElementsOf(names(en.get("labels")));
    List<String> problems = new ArrayList<>();
    en.get("labels").properties().forEach(label -> {
      String english = label.getValue().asText();
      String french = fr.get("labels").path(label.getKey()).asText("");
      if (!english.isBlank() && french.isBlank()) {
        problems.add(label.getKey() + " is empty in French");
      }
      if (!placeholders(english).equals(placeholders(french))) {
        problems.add(label.getKey() + " has " + placeholders(french) + " in French, " + placeholders(english)
            + " in English");
      }
    });
    assertThat(problems).isEmpty();
  }

  @Test
  void frenchDatesHaveTheFieldsOfCamundasEnglish() throws IOException {
    JsonNode en = read("en.json").get("dateLocales");
    JsonNode fr = read("fr.json").get("dateLocales");
    assertThat(names(fr)).containsExactlyInAnyOrderElementsOf(names(en));
    en.properties().forEach(field -> {
      JsonNode french = fr.get(field.getKey());
      if (field.getValue().isObject()) {
        assertThat(names(french)).as(field.getKey()).containsExactlyInAnyOrderElementsOf(names(field.getValue()));
      } else if (field.getValue().isArray()) {
        assertThat(french.size()).as(field.getKey()).isEqualTo(field.getValue().size());
      }
    });
    assertThat(fr.get("months").get(0).asText()).isEqualTo("janvier");
  }

  @Test
  void tasklistOffersFrench() throws IOException {
    String config = text("scripts/config.js");
    assertThat(config).contains("availableLocales: ['en', 'de', 'fr']", "fallbackLocale: 'en'");
  }

  static JsonNode read(String name) throws IOException {
    return new ObjectMapper().readTree(text("locales/" + name));
  }

  private static String text(String name) throws IOException {
    try (InputStream in = TasklistFrenchCompleteTest.class.getClassLoader().getResourceAsStream(TASKLIST + name)) {
      assertThat(in).as(TASKLIST + name + " on the classpath").isNotNull();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.startsWith("\uFEFF") ? text.substring(1) : text; // Camunda's en.json starts with a BOM
    }
  }

  private static Set<String> names(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static Set<String> placeholders(String text) {
    Set<String> found = new TreeSet<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }
}
