package com.kap.platform.forms;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates as the forms' date fields show and take them, so that a person reads a date in the text of a form as they
 * type it in its fields. The fields follow the user's KAP language (KAP's Tasklist script): month/day/year in
 * English, day/month/year in French.
 */
public final class DisplayDates {

  private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern("MM/dd/yyyy");
  private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private DisplayDates() {}

  /** In English, month/day/year. */
  public static String format(LocalDate date) {
    return format(date, Locale.ENGLISH);
  }

  /** In the order the date fields of a person speaking {@code locale} take dates. */
  public static String format(LocalDate date, Locale locale) {
    if (date == null) {
      return "-";
    }
    boolean french = locale != null && Locale.FRENCH.getLanguage().equals(locale.getLanguage());
    return (french ? FRENCH : ENGLISH).format(date);
  }
}
