package com.kap.support;

import com.kap.platform.i18n.LocalFormats;
import com.kap.platform.i18n.LocaleProperties;
import com.kap.platform.i18n.Texts;
import com.kap.platform.notifications.Mail;
import com.kap.platform.notifications.Mails;
import java.util.Locale;

/**
 * Renders a {@link Mail} in English or French from KAP's bundles as the application reads them (UTF-8,
 * MessageFormat always, no system fallback), in euros, without a Spring context: for the tests of each mail's
 * texts. French amounts and dates carry Java's no-break spaces; {@link #spaced} turns them into plain spaces.
 */
public final class MailRendering {

  private static final Mails MAILS = new Mails(null, texts(), null,
      new LocalFormats(new LocaleProperties(Locale.ENGLISH, "EUR")));

  private MailRendering() {}

  public static Mails.Rendered english(Mail mail) {
    return MAILS.render(mail, Locale.ENGLISH);
  }

  public static Mails.Rendered french(Mail mail) {
    return MAILS.render(mail, Locale.FRENCH);
  }

  /** The text with no-break spaces (U+00A0, U+202F) as plain ones. */
  public static String spaced(String text) {
    return text.replace('\u00a0', ' ').replace('\u202f', ' ');
  }

  /** KAP's bundles, as the application reads them (MessageSourceConfig). */
  public static Texts texts() {
    return new Texts(new com.kap.platform.i18n.MessageSourceConfig().messageSource(), null);
  }
}
