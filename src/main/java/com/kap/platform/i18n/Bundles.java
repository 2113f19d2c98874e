package com.kap.platform.i18n;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * KAP's message bundles outside Spring's context: the texts of an exception built where no {@link MessageSource} is
 * at hand (its English message, e.g. {@code ApiException}'s detail), and of classes that tests build by hand (the
 * CSV parser). Configured as {@code spring.messages} in {@code application.yaml}, over the same bundles
 * ({@link #BASENAMES}): the application's MessageSource gives the same texts.
 */
public final class Bundles {

  /** Every bundle, as {@code spring.messages.basename} lists them. */
  public static final String[] BASENAMES = {"i18n/messages", "i18n/errors", "i18n/portfolio"};

  private static final ResourceBundleMessageSource STANDALONE = new ResourceBundleMessageSource();

  static {
    STANDALONE.setBasenames(BASENAMES);
    STANDALONE.setDefaultEncoding("UTF-8");
    STANDALONE.setFallbackToSystemLocale(false);
    STANDALONE.setAlwaysUseMessageFormat(true);
  }

  private Bundles() {}

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
