package com.kap.platform.i18n;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * KAP's message bundles outside Spring's context: the texts of an exception built where no {@link MessageSource} is
 * at hand (its English message, e.g. {@code ApiException}'s detail), and of classes that tests build by hand (the
 * CSV parser). The application's MessageSource ({@link MessageSourceConfig}) reads the same bundles the same way,
 * so both give the same texts.
 */
public final class Bundles {

  /**
   * Every bundle: each {@code i18n/X.properties} on the class path (its French is {@code X_fr.properties}), found
   * rather than listed, so that a new bundle cannot be left out. The application's MessageSource is built over the
   * same ({@link MessageSourceConfig}).
   */
  public static final String[] BASENAMES = found();

  private static final ResourceBundleMessageSource STANDALONE = new ResourceBundleMessageSource();

  static {
    STANDALONE.setBasenames(BASENAMES);
    STANDALONE.setDefaultEncoding("UTF-8");
    STANDALONE.setFallbackToSystemLocale(false);
    STANDALONE.setAlwaysUseMessageFormat(true);
  }

  private Bundles() {}

  private static String[] found() {
    try {
      Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties");
      Stream<String> names = Arrays.stream(files).map(Resource::getFilename).filter(Objects::nonNull)
          .filter(name -> !name.contains("_")).map(name -> "i18n/" + name.substring(0, name.length() - 11));
      // messages first: its keys are KAP's oldest; the rest by name
      return names.distinct().sorted(Comparator.comparing((String name) -> !name.equals("i18n/messages"))
          .thenComparing(Comparator.naturalOrder())).toArray(String[]::new);
    } catch (IOException unreadable) {
      throw new UncheckedIOException("KAP's message bundles (i18n/*.properties) cannot be listed", unreadable);
    }
  }

  /** The bundles as a MessageSource of their own. */
  public static MessageSource standalone() {
    return STANDALONE;
  }

  /** The text in English, the language of the sources and of logs. */
  public static String english(String key, Object... args) {
    return STANDALONE.getMessage(key, args, Locale.ENGLISH);
  }

  /**
   * A text given as an argument of another, e.g. what a refusal names ("the file"): a MessageSource resolves it in
   * the outer text's language.
   */
  public static MessageSourceResolvable text(String key, Object... args) {
    return new DefaultMessageSourceResolvable(new String[] {key}, args);
  }
}
