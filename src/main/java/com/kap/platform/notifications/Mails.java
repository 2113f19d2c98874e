package com.kap.platform.notifications;

import com.kap.platform.i18n.LocalFormats;
import com.kap.platform.i18n.Texts;
import com.kap.platform.i18n.UserLocales;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.stereotype.Service;

/**
 * Sends KAP's mails, each in its recipient's language ({@link UserLocales#of}): the subject and body are rendered
 * from the bundle {@code i18n/mail*.properties} for that one person, dates and amounts as their language writes
 * them ({@link LocalFormats}). A mail goes to one person; several people get one mail each, so that no recipient
 * learns who else was told (docs/i18n.md, "Mails and calendars").
 */
@Service
public class Mails {

  /** The prefix of every mail text of the bundle. */
  public static final String PREFIX = "mail.";

  private final Notifications notifications;
  private final Texts texts;
  private final UserLocales locales;
  private final LocalFormats formats;

  public Mails(Notifications notifications, Texts texts, UserLocales locales, LocalFormats formats) {
    this.notifications = notifications;
    this.texts = texts;
    this.locales = locales;
    this.formats = formats;
  }

  /** A mail's subject and body in a language. */
  public record Rendered(String subject, String body) {}

  /** Sends the mail to the user, in their language (once the transaction commits: {@link Notifications}). */
  public void send(String userId, Mail mail) {
    Rendered rendered = render(mail, locales.of(userId));
    notifications.send(userId, rendered.subject(), rendered.body());
  }

  /** The mail in the language. */
  public Rendered render(Mail mail, Locale locale) {
    Object[] args = resolve(mail.args(), locale);
    String subject = texts.text(locale, PREFIX + mail.kind() + ".subject", args);
    StringBuilder body = new StringBuilder(texts.text(locale, PREFIX + mail.kind() + ".body", args));
    for (Object paragraph : mail.paragraphs()) {
      body.append("\n\n").append(resolve(paragraph, locale));
    }
    // a subject is one line: a person's words in it (a bid's title) must not start a header of their own
    return new Rendered(subject.replaceAll("[\\r\\n]+", " "), body.toString());
  }

  private Object[] resolve(Object[] args, Locale locale) {
    Object[] resolved = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      resolved[i] = resolve(args[i], locale);
    }
    return resolved;
  }

  private Object resolve(Object arg, Locale locale) {
    if (arg instanceof Mail.DateArg date) {
      return formats.date(date.date(), locale);
    }
    if (arg instanceof LocalDate date) {
      return formats.date(date, locale);
    }
    if (arg instanceof Mail.AmountArg amount) {
      return formats.amount(amount.amount(), locale);
    }
    if (arg instanceof Mail.TextArg text) {
      return texts.text(locale, PREFIX + text.key(), resolve(text.args(), locale));
    }
    if (arg instanceof Number number) {
      return String.valueOf(number); // a year or an id: MessageFormat would write 2027 as "2,027"
    }
    return arg == null ? "" : arg;
  }
}
