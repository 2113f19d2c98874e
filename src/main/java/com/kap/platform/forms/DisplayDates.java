package com.kap.platform.forms;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates as the forms' date fields show and take them (Camunda Forms' date picker: month/day/year), so that a person
 * reads a date in the text of a form as they type it in its fields.
 */
public final class DisplayDates {

  private static final DateTimeFormatter FORMS = DateTimeFormatter.ofPattern("MM/dd/yyyy");
  private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private DisplayDates() {}

  public static String format(LocalDate date) {
    return date == null ? "-" : FORMS.format(date);
  }

  /** The date as a person of the language reads it: day/month/year in French, month/day/year otherwise. */
  public static String format(LocalDate date, Locale locale) {
    if (date == null) {
      return "-";
    }
    boolean french = locale != null && Locale.FRENCH.getLanguage().equals(locale.getLanguage());
    return (french ? FRENCH : FORMS).format(date);
  }
}
