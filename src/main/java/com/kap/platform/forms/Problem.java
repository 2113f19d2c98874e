package com.kap.platform.forms;

import com.kap.platform.i18n.SourceTexts;
import java.text.MessageFormat;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * What is wrong with a field, said in any language KAP speaks: a key of the bundle {@value #BUNDLE}
 * ({@code problem.<key>} in {@code i18n/problems.properties}, French in {@code problems_fr.properties}) and its
 * arguments, e.g. {@code Problem.of("range", "1", "5", "7")} is "must be from 1 to 5, was 7" in English and
 * "doit être entre 1 et 5, était 7" in French.
 *
 * <p>Arguments are kept as given, as text: what the person typed stays as typed, numbers are not regrouped. These
 * are said in the language: a {@link LocalDate} ({@link DisplayDates#format(LocalDate, Locale)}), a
 * {@link DayOfWeek} ("saturday", "samedi"), another {@link Problem} or {@link LocalizedText} (a part of the
 * sentence that itself is translated) and a list of problems (joined by ", "). Every text goes through {@link MessageFormat},
 * so an apostrophe is {@code ''} in the bundle.
 */
public final class Problem implements LocalizedText {

  public static final String BUNDLE = "i18n.problems";
  public static final String PREFIX = "problem.";

  private final String key;
  private final List<Object> args;

  private Problem(String key, List<Object> args) {
    this.key = key;
    this.args = args;
  }

  /** The problem under {@code problem.<key>}, with its arguments. */
  public static Problem of(String key, Object... args) {
    return new Problem(key, Arrays.stream(args).map(Problem::kept).toList());
  }

  /** A problem KAP has no translation of (a text it passes on): the same in every language. */
  public static Problem verbatim(String text) {
    return new Problem(null, List.of(String.valueOf(text)));
  }

  private static Object kept(Object arg) {
    if (arg instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(Problem.class::isInstance)) {
      return List.copyOf(list);
    }
    boolean saidInTheLanguage = arg instanceof LocalDate || arg instanceof LocalizedText || arg instanceof DayOfWeek;
    return saidInTheLanguage ? arg : String.valueOf(arg);
  }

  public String key() {
    return key;
  }

  /** The problem in English, as logs and getMessage() show it. */
  public String english() {
    return in(Locale.ENGLISH);
  }

  /** The problem in the language (English for any KAP does not speak). */
  @Override
  public String in(Locale locale) {
    if (key == null) {
      return (String) args.get(0);
    }
    boolean french = SourceTexts.isFrench(locale);
    Locale language = french ? Locale.FRENCH : Locale.ENGLISH;
    Object[] shown = args.stream().map(arg -> shown(arg, language)).toArray();
    return new MessageFormat(pattern(french, PREFIX + key), language).format(shown);
  }

  private static Object shown(Object arg, Locale language) {
    if (arg instanceof LocalDate date) {
      return DisplayDates.format(date, language);
    }
    if (arg instanceof LocalizedText part) {
      return part.in(language);
    }
    if (arg instanceof DayOfWeek day) {
      return SourceTexts.isFrench(language) ? day.getDisplayName(TextStyle.FULL, Locale.FRENCH)
          : day.toString().toLowerCase(Locale.ROOT);
    }
    if (arg instanceof List<?> parts) {
      return parts.stream().map(part -> ((Problem) part).in(language)).collect(Collectors.joining(", "));
    }
    return arg;
  }

  /** The field's label and its problem as one sentence part, "Hours: is required" ("Durée : …" in French). */
  static String labelled(Locale locale, String label, String problem) {
    boolean french = SourceTexts.isFrench(locale);
    return new MessageFormat(pattern(french, PREFIX + "labelled"), french ? Locale.FRENCH : Locale.ENGLISH)
        .format(new Object[] {label, problem});
  }

  /** What separates two numbered problems: "; " (" ; " in French). */
  static String between(Locale locale) {
    return pattern(SourceTexts.isFrench(locale), PREFIX + "between");
  }

  private static String pattern(boolean french, String key) {
    try {
      return ResourceBundle.getBundle(BUNDLE, french ? Locale.FRENCH : Locale.ROOT,
          ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
    } catch (MissingResourceException missing) {
      throw new IllegalStateException("no text " + key + " in " + BUNDLE + ".properties", missing);
    }
  }

  @Override
  public String toString() {
    return english();
  }
}
