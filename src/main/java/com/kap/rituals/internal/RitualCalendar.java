package com.kap.rituals.internal;

import com.kap.rituals.RitualType;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Proposes the dates of an account's rituals from their cadences; the KAM then adjusts and the director validates. */
public final class RitualCalendar {

  public record ProposedOccurrence(RitualType type, LocalDate date) {}

  public static final Comparator<ProposedOccurrence> BY_DATE_THEN_TYPE =
      Comparator.comparing(ProposedOccurrence::date).thenComparing(ProposedOccurrence::type);

  private RitualCalendar() {}

  /** Every ritual at its cadence after {@code from}, up to {@code until}, each on a working day. */
  public static List<ProposedOccurrence> propose(Map<RitualType, Period> cadence, LocalDate from, LocalDate until) {
    List<ProposedOccurrence> occurrences = new ArrayList<>();
    cadence.forEach((type, period) ->
        dueDates(period, from, until).forEach(due -> occurrences.add(new ProposedOccurrence(type, onWorkingDay(due, until)))));
    occurrences.sort(BY_DATE_THEN_TYPE);
    return occurrences;
  }

  /** How many occurrences a cadence asks for between {@code from} (excluded) and {@code until} (included). */
  public static int required(Period period, LocalDate from, LocalDate until) {
    return dueDates(period, from, until).size();
  }

  /** Monday to Friday; public holidays are not known to KAP. */
  public static boolean isWorkingDay(LocalDate date) {
    DayOfWeek day = date.getDayOfWeek();
    return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
  }

  private static List<LocalDate> dueDates(Period period, LocalDate from, LocalDate until) {
    if (period.isZero() || period.isNegative()) {
      throw new IllegalArgumentException("A ritual cadence must be a positive period, not " + period);
    }
    List<LocalDate> dates = new ArrayList<>();
    // multiplying from the start keeps month ends: 31 Jan + P1M × 2 is 31 Mar, where adding P1M twice gives 28/29 Mar
    for (int k = 1; !from.plus(period.multipliedBy(k)).isAfter(until); k++) {
      dates.add(from.plus(period.multipliedBy(k)));
    }
    return dates;
  }

  private static LocalDate onWorkingDay(LocalDate due, LocalDate until) {
    if (isWorkingDay(due)) {
      return due;
    }
    LocalDate monday = due.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    return monday.isAfter(until) ? due.with(TemporalAdjusters.previous(DayOfWeek.FRIDAY)) : monday;
  }
}
