package com.kap.budget.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Counting Monday-to-Friday days, e.g. for the appeal window. Public holidays are not known to KAP. */
public final class WorkingDays {

  private WorkingDays() {}

  /** The date {@code days} working days after {@code from} (not counting {@code from} itself). */
  public static LocalDate after(LocalDate from, int days) {
    LocalDate date = from;
    for (int counted = 0; counted < days; ) {
      date = date.plusDays(1);
      if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
        counted++;
      }
    }
    return date;
  }
}
