package com.kap.platform.i18n;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * KAP's user-facing texts from its message bundles ({@code src/main/resources/i18n/messages*.properties}): English
 * in {@code messages.properties}, French in {@code messages_fr.properties}, the same keys in both
 * ({@code TranslationsCompleteTest}). A missing key fails loudly rather than showing the key to a user.
 */
@Service
public class Texts {

  private final MessageSource messages;
  private final UserLocales locales;

  public Texts(MessageSource messages, UserLocales locales) {
    this.messages = messages;
    this.locales = locales;
  }

  /** The text in the given language, its {0}, {1}... filled with {@code args} (MessageFormat). */
  public String text(Locale locale, String key, Object... args) {
    return messages.getMessage(key, args, locale);
  }

  /** The text in the authenticated user's language (the installation's when nobody is). */
  public String text(String key, Object... args) {
    return text(locales.current(), key, args);
  }

  /** The authenticated user's language (the installation's when nobody is), as {@link #text(String, Object...)}. */
  public Locale locale() {
    return locales.current();
  }

  /** The text in a user's language, e.g. for a mail to them. */
  public String textFor(String userId, String key, Object... args) {
    return text(locales.of(userId), key, args);
  }
}
