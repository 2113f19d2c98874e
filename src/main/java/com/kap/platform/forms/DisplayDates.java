package com.kap.platform.forms;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Dates as the forms' date fields show and take them (Camunda Forms' date picker: month/day/year), so that a person
 * reads a date in the text of a form as they type it in its fields.
 */
public final class DisplayDates {

  private static final DateTimeFormatter FORMS = DateTimeFormatter.ofPattern("MM/dd/yyyy");

  private DisplayDates() {}

  public static String format(LocalDate date) {
    return date == null ? "-" : FORMS.format(date);
  }
}
