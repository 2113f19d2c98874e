package com.kap.rituals.internal;

import java.time.LocalDate;

/** The days a plan's rituals may fall on: from today (or the cycle year's first day) to the year's last day. */
public record RitualWindow(LocalDate from, LocalDate until) {

  public static RitualWindow of(int year, LocalDate today) {
    LocalDate first = LocalDate.of(year, 1, 1);
    return new RitualWindow(today.isAfter(first) ? today : first, LocalDate.of(year, 12, 31));
  }

  public boolean contains(LocalDate date) {
    return !date.isBefore(from) && !date.isAfter(until);
  }
}
