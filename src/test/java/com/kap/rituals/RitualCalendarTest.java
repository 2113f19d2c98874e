package com.kap.rituals;

import static com.kap.rituals.RitualType.CUSTOMER_BUSINESS_REVIEW;
import static com.kap.rituals.RitualType.INTERNAL_REVIEW;
import static com.kap.rituals.RitualType.OPERATIONS_MEETING;
import static com.kap.rituals.RitualType.PLAN_REVIEW;
import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kap.rituals.internal.RitualCalendar.ProposedOccurrence;
import com.kap.rituals.internal.RitualCalendar;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RitualCalendarTest {

  @ParameterizedTest
  @CsvSource({
      "2026-01-05, true", // Monday
      "2026-01-09, true", // Friday
      "2026-01-10, false", // Saturday
      "2026-01-11, false"}) // Sunday
  void workingDaysAreMondayToFriday(LocalDate date, boolean working) {
    assertThat(RitualCalendar.isWorkingDay(date)).isEqualTo(working);
  }

  @Test
  void aRitualDueOnAWeekendMovesToTheNextMonday() {
    assertThat(dates(INTERNAL_REVIEW, "P2W", "2026-01-03", "2026-02-02"))
        .containsExactly(parse("2026-01-19"), parse("2026-02-02")); // due Sat 17 Jan and Sat 31 Jan
    assertThat(dates(PLAN_REVIEW, "P3M", "2023-07-01", "2023-12-31"))
        .containsExactly(parse("2023-10-02")); // due Sun 1 Oct
  }

  @Test
  void atTheYearEndAWeekendRitualFallsBackToTheFridayRatherThanLeaveTheYear() {
    assertThat(dates(INTERNAL_REVIEW, "P2W", "2023-12-02", "2023-12-31"))
        .containsExactly(parse("2023-12-18"), parse("2023-12-29")); // due Sat 16 and Sat 30 Dec
    assertThat(dates(CUSTOMER_BUSINESS_REVIEW, "P6M", "2023-06-30", "2023-12-31"))
        .containsExactly(parse("2023-12-29")); // due Sat 30 Dec
  }

  @Test
  void noProposedDateIsAfterTheEndOrOnAWeekendWhateverTheStartAndCadence() {
    List<Period> cadences = List.of("P2W", "P1M", "P2M", "P3M", "P6M", "P1Y").stream().map(Period::parse).toList();
    for (LocalDate from : parse("2022-01-01").datesUntil(parse("2029-01-01")).toList()) {
      LocalDate until = LocalDate.of(from.getYear(), 12, 31);
      for (Period period : cadences) {
        List<ProposedOccurrence> proposed = RitualCalendar.propose(Map.of(OPERATIONS_MEETING, period), from, until);

        assertThat(proposed).as("%s from %s", period, from)
            .hasSize(RitualCalendar.required(period, from, until))
            .allSatisfy(occurrence -> {
              assertThat(occurrence.date()).isAfter(from).isBeforeOrEqualTo(until);
              assertThat(RitualCalendar.isWorkingDay(occurrence.date())).isTrue();
            });
      }
    }
  }

  @Test
  void monthlyRitualsFromAMonthEndStayOnMonthEnds() {
    assertThat(dates(OPERATIONS_MEETING, "P1M", "2025-01-31", "2025-04-30"))
        .containsExactly(parse("2025-02-28"), parse("2025-03-31"), parse("2025-04-30"));
  }

  @Test
  void aMonthEndOnAWeekendMovesToMondayAndTheNextMonthEndIsNotPulledEarlier() {
    assertThat(dates(OPERATIONS_MEETING, "P1M", "2026-01-31", "2026-04-30"))
        .containsExactly(parse("2026-03-02"), parse("2026-03-31"), parse("2026-04-30")); // due Sat 28 Feb
  }

  @Test
  void aYearlyRitualFromALeapDayFallsOnTheLastDayOfFebruary() {
    assertThat(dates(PLAN_REVIEW, "P1Y", "2024-02-29", "2025-02-28")).containsExactly(parse("2025-02-28"));
  }

  @ParameterizedTest(name = "{0} from {1} to {2}: {3}")
  @CsvSource({
      "P2W, 2026-01-01, 2026-12-31, 26",
      "P1M, 2026-01-01, 2026-12-31, 11",
      "P3M, 2026-01-01, 2026-12-31, 3",
      "P6M, 2026-01-01, 2026-12-31, 1",
      "P1Y, 2026-01-01, 2026-12-31, 0",
      "P2W, 2025-12-31, 2026-12-31, 26",
      "P1M, 2025-12-31, 2026-12-31, 12",
      "P3M, 2025-12-31, 2026-12-31, 4",
      "P6M, 2025-12-31, 2026-12-31, 2",
      "P1Y, 2025-12-31, 2026-12-31, 1",
      "P2W, 2026-03-15, 2026-12-31, 20",
      "P1M, 2026-03-15, 2026-12-31, 9",
      "P3M, 2026-03-15, 2026-12-31, 3",
      "P6M, 2026-03-15, 2026-12-31, 1",
      "P1Y, 2026-03-15, 2026-12-31, 0",
      "P1M, 2026-01-31, 2026-12-31, 11",
      "P3M, 2026-11-30, 2027-11-30, 4"})
  void theCadenceAsksForOneOccurrencePerPeriodThatFits(Period period, LocalDate from, LocalDate until, int count) {
    assertThat(RitualCalendar.required(period, from, until)).isEqualTo(count);
    assertThat(RitualCalendar.propose(Map.of(INTERNAL_REVIEW, period), from, until)).hasSize(count);
  }

  @Test
  void nothingIsProposedWhenThePeriodDoesNotFit() {
    assertThat(RitualCalendar.propose(Map.of(PLAN_REVIEW, Period.ofYears(1)), parse("2026-03-01"), parse("2026-12-31")))
        .isEmpty();
    assertThat(RitualCalendar.propose(Map.of(), parse("2026-01-01"), parse("2026-12-31"))).isEmpty();
  }

  @Test
  void occurrencesOfAllRitualsAreSortedByDateThenType() {
    List<ProposedOccurrence> proposed = RitualCalendar.propose(Map.of(
            CUSTOMER_BUSINESS_REVIEW, Period.ofMonths(3),
            OPERATIONS_MEETING, Period.ofMonths(1),
            INTERNAL_REVIEW, Period.ofMonths(1)),
        parse("2025-12-31"), parse("2026-03-31"));

    assertThat(proposed).containsExactly(
        new ProposedOccurrence(INTERNAL_REVIEW, parse("2026-02-02")), // due Sat 31 Jan
        new ProposedOccurrence(OPERATIONS_MEETING, parse("2026-02-02")),
        new ProposedOccurrence(INTERNAL_REVIEW, parse("2026-03-02")), // due Sat 28 Feb
        new ProposedOccurrence(OPERATIONS_MEETING, parse("2026-03-02")),
        new ProposedOccurrence(INTERNAL_REVIEW, parse("2026-03-31")),
        new ProposedOccurrence(OPERATIONS_MEETING, parse("2026-03-31")),
        new ProposedOccurrence(CUSTOMER_BUSINESS_REVIEW, parse("2026-03-31")));
  }

  @Test
  void aCadenceMustMoveTime() {
    assertThatThrownBy(() -> RitualCalendar.required(Period.ZERO, parse("2026-01-01"), parse("2026-12-31")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static List<LocalDate> dates(RitualType type, String period, String from, String until) {
    return RitualCalendar.propose(Map.of(type, Period.parse(period)), parse(from), parse(until)).stream()
        .map(ProposedOccurrence::date)
        .toList();
  }
}
