package com.kap.platform.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every text KAP shows exists in English and in French: each bundle under {@code i18n/} has its {@code _fr}
 * twin with exactly the same keys, no empty text, and the same placeholders, in either direction.
 */
class TranslationsCompleteTest {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

  @Test
  void everyKeyHasItsTextInBothLanguages() throws IOException {
    List<String> problems = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Resource english : new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties")) {
      String name = english.getFilename();
      if (name.contains("_")) {
        continue;
      }
      names.add(name);
      Resource french = english.createRelative(name.replace(".properties", "_fr.properties"));
      if (!french.exists()) {
        problems.add(name + " has no French twin");
        continue;
      }
      problems.addAll(problems(name, load(english), load(french)));
    }
    assertThat(names).contains("messages.properties");
    assertThat(problems).isEmpty();
  }

  /**
   * The bundles are one MessageSource: a key in two of them would show only the first bundle's text, whatever the
   * other says (two branches once both wrote {@code error.title.404}).
   */
  @Test
  void noKeyIsInTwoBundles() throws IOException {
    java.util.Map<String, String> bundleOf = new java.util.TreeMap<>();
    List<String> twice = new ArrayList<>();
    for (Resource english : new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties")) {
      String name = english.getFilename();
      if (name.contains("_")) {
        continue;
      }
      for (String key : load(english).stringPropertyNames()) {
        String first = bundleOf.putIfAbsent(key, name);
        if (first != null) {
          twice.add(key + " in " + first + " and " + name);
        }
      }
    }
    assertThat(twice).isEmpty();
  }

  @Test
  void aKeyMissingInEitherLanguageAnEmptyTextOrAnotherPlaceholderIsFound() {
    Properties en = new Properties();
    en.setProperty("both", "Plan {0} of {1}");
    en.setProperty("only.english", "Only in English");
    en.setProperty("empty.french", "Text");
    Properties fr = new Properties();
    fr.setProperty("both", "Plan {0}");
    fr.setProperty("only.french", "Seulement en français");
    fr.setProperty("empty.french", " ");
    assertThat(problems("x.properties", en, fr)).containsExactlyInAnyOrder(
        "x.properties: only.english has no French",
        "x.properties: only.french has no English",
        "x.properties: empty.french is empty in French",
        "x.properties: both has placeholders [0, 1] in English but [0] in French");
  }

  static List<String> problems(String name, Properties en, Properties fr) {
    List<String> problems = new ArrayList<>();
    for (String key : new TreeSet<>(en.stringPropertyNames())) {
      if (!fr.containsKey(key)) {
        problems.add(name + ": " + key + " has no French");
      }
    }
    for (String key : new TreeSet<>(fr.stringPropertyNames())) {
      if (!en.containsKey(key)) {
        problems.add(name + ": " + key + " has no English");
      }
    }
    for (String key : new TreeSet<>(en.stringPropertyNames())) {
      if (!fr.containsKey(key)) {
        continue;
      }
      if (en.getProperty(key).isBlank()) {
        problems.add(name + ": " + key + " is empty in English");
      }
      if (fr.getProperty(key).isBlank()) {
        problems.add(name + ": " + key + " is empty in French");
      }
      Set<Integer> inEnglish = placeholders(en.getProperty(key));
      Set<Integer> inFrench = placeholders(fr.getProperty(key));
      if (!inEnglish.equals(inFrench)) {
        problems.add(name + ": " + key + " has placeholders " + inEnglish + " in English but " + inFrench
            + " in French");
      }
    }
    return problems;
  }

  private static Set<Integer> placeholders(String text) {
    Set<Integer> used = new TreeSet<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      used.add(Integer.valueOf(matcher.group(1)));
    }
    return used;
  }

  private static Properties load(Resource resource) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = resource.getInputStream()) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
