package com.kap.platform.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A refused form's problems are said in the submitter's language ({@code i18n/problems*.properties}), their English
 * exactly as the code wrote it before; every key the code names exists, and every key is named by the code.
 */
class ProblemTest {

  /** {@code Problem.of("key"}, and both keys of {@code Problem.of(cond ? "a" : "b"}. */
  private static final Pattern USED = Pattern.compile(
      "Problem\\.of\\(\\s*(?:\"([\\w.]+)\"|[^\";]*?\\?\\s*\"([\\w.]+)\"\\s*:\\s*\"([\\w.]+)\")");
  /** A key built at run time: {@code Problem.of("ritualType." + type.key())}. */
  private static final Pattern PREFIX = Pattern.compile("Problem\\.of\\(\\s*\"([\\w.]+\\.)\"\\s*\\+");

  @Test
  void theEnglishIsTheCodesAndTheFrenchIsFrench() {
    Problem range = Problem.of("range", 1, 5, "7");
    assertThat(range.english()).isEqualTo("must be from 1 to 5, was 7");
    assertThat(range.in(Locale.FRENCH)).isEqualTo("doit être entre 1 et 5, pas 7");
    assertThat(Problem.of("choice", List.of("a", "b"), "c").english()).isEqualTo("must be one of [a, b], was 'c'");
    assertThat(Problem.of("choice", List.of("a", "b"), "c").in(Locale.FRENCH))
        .isEqualTo("doit être l'une des valeurs [a, b], pas « c »");
    assertThat(Problem.of("markup").english()).isEqualTo("must not contain markup or expressions (HTML tags,"
        + " javascript: links, ${…} or #{…})");
    assertThat(Problem.of("required").in(Locale.GERMAN)).as("a language KAP does not speak").isEqualTo("is required");
  }

  @Test
  void numbersStayAsTypedAndDatesAreWrittenTheReadersWay() {
    assertThat(Problem.of("cycle.started", 2042).english()).isEqualTo("a planning cycle for 2042 has already been"
        + " started");
    assertThat(Problem.of("allocation.aboveEnvelope", 1234567L, 1000000L).in(Locale.FRENCH))
        .isEqualTo("les demandes financées coûtent 1234567, plus que l'enveloppe de 1000000");
    Problem past = Problem.of("date.past", LocalDate.of(2001, 12, 15));
    assertThat(past.english()).isEqualTo("must not be in the past, was 12/15/2001");
    assertThat(past.in(Locale.FRENCH)).isEqualTo("ne doit pas être dans le passé (15/12/2001)");
    Problem saturday = Problem.of("ritual.notWorkingDay", "2200-01-04", DayOfWeek.SATURDAY);
    assertThat(saturday.english()).isEqualTo("2200-01-04 is a saturday; rituals fall on working days");
    assertThat(saturday.in(Locale.FRENCH)).isEqualTo("le 2200-01-04 est un samedi ; les rituels ont lieu les jours"
        + " ouvrés");
  }

  @Test
  void partsOfASentenceAreTranslatedToo() {
    Problem shortfall = Problem.of("ritual.justification", List.of(
        Problem.of("ritual.shortfall", Problem.of("ritualType.operationsMeeting"), 3, 12),
        Problem.of("ritual.shortfall", Problem.of("ritualType.customerAdvisoryBoard"), 0, 2)));
    assertThat(shortfall.english()).isEqualTo("is required: fewer rituals than the cadence asks for: Operations"
        + " meeting (3 of 12), Customer advisory board (0 of 2)");
    assertThat(shortfall.in(Locale.FRENCH)).isEqualTo("est obligatoire : moins de rituels que la cadence n'en"
        + " demande : Réunion opérationnelle (3 sur 12), Comité consultatif client (0 sur 2)");
    assertThat(Problem.of("wrongType", Problem.of("flag.typed", "yes"), "object").in(Locale.FRENCH))
        .startsWith("doit être true ou false, pas « yes » (une valeur de type object ;");
  }

  @Test
  void aRefusalIsWholeInTheLanguageWhileItsMessageStaysEnglish() {
    InvalidFormData hours = new InvalidFormData("recordTraining", "hours", Problem.of("training.hours", 100, "0"));
    assertThat(hours.getMessage()).isEqualTo("hours: must be more than 0 and at most 100, was 0");
    assertThat(hours.forPeople(Locale.ENGLISH)).isEqualTo("Duration in hours: must be more than 0 and at most 100,"
        + " was 0");
    assertThat(hours.forPeople(Locale.FRENCH)).isEqualTo("Durée en heures : doit être plus de 0 et au plus 100,"
        + " pas 0");
    InvalidFormData both = InvalidFormData.all(List.of(
        new InvalidFormData("recordTraining", "title", Problem.of("required")), hours));
    assertThat(both.getMessage()).isEqualTo("title: is required; hours: must be more than 0 and at most 100, was 0");
    assertThat(both.forPeople(Locale.FRENCH)).isEqualTo("2 problèmes à corriger : 1) Formation : est obligatoire ;"
        + " 2) Durée en heures : doit être plus de 0 et au plus 100, pas 0");
    assertThat(new InvalidFormData("recordTraining", "title", Problem.verbatim("as it came")).forPeople(Locale.FRENCH))
        .isEqualTo("Formation : as it came");
  }

  @Test
  void datesAreDayFirstInFrench() {
    assertThat(DisplayDates.format(LocalDate.of(2027, 3, 31), Locale.FRENCH)).isEqualTo("31/03/2027");
    assertThat(DisplayDates.format(LocalDate.of(2027, 3, 31), Locale.ENGLISH)).isEqualTo("03/31/2027");
    assertThat(DisplayDates.format(LocalDate.of(2027, 3, 31), Locale.CANADA_FRENCH)).isEqualTo("31/03/2027");
  }

  @Test
  void everyKeyTheCodeNamesExistsAndEveryKeyIsNamed() throws IOException {
    Properties english = load("i18n/problems.properties");
    Set<String> used = new TreeSet<>();
    Set<String> prefixes = new TreeSet<>();
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
        String code = Files.readString(source);
        Matcher keys = USED.matcher(code);
        while (keys.find()) {
          for (int group = 1; group <= 3; group++) {
            if (keys.group(group) != null && !keys.group(group).endsWith(".")) {
              used.add(keys.group(group));
            }
          }
        }
        Matcher built = PREFIX.matcher(code);
        while (built.find()) {
          prefixes.add(built.group(1));
        }
      }
    }
    List<String> missing = new ArrayList<>();
    used.forEach(key -> {
      if (!english.containsKey(Problem.PREFIX + key)) {
        missing.add(key);
      }
    });
    assertThat(missing).as("keys the code names without a text in problems.properties").isEmpty();
    List<String> unnamed = new ArrayList<>();
    for (String key : english.stringPropertyNames()) {
      String bare = key.substring(Problem.PREFIX.length());
      if (!used.contains(bare) && prefixes.stream().noneMatch(bare::startsWith) && !bare.equals("labelled") && !bare.equals("between")) {
        unnamed.add(bare);
      }
    }
    assertThat(unnamed).as("texts no code names any more").isEmpty();
    assertThat(used).hasSizeGreaterThan(80);
  }

  @Test
  void everyTextFormatsWithoutLosingAnApostropheOrABrace() throws IOException {
    for (String bundle : List.of("i18n/problems.properties", "i18n/problems_fr.properties")) {
      Properties texts = load(bundle);
      for (String key : texts.stringPropertyNames()) {
        String text = texts.getProperty(key);
        String formatted = new java.text.MessageFormat(text).format(new Object[] {"A", "B", "C", "D"});
        assertThat(formatted).as(bundle + " " + key).doesNotContainPattern("\\{\\d");
        String withoutDoubled = text.replace("''", "");
        if (!key.equals("problem.markup")) {
          assertThat(withoutDoubled).as(bundle + " " + key + ": an apostrophe is written ''").doesNotContain("'");
        }
      }
    }
  }

  private static Properties load(String name) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = ProblemTest.class.getClassLoader().getResourceAsStream(name)) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
