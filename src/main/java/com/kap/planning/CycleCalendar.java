package com.kap.planning;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import org.springframework.stereotype.Component;

/** Turns the cycle's dates into the moments its timers fire, in the configured time zone. */
@Component("cycleCalendar")
public class CycleCalendar {

  private static final LocalTime REMINDER_TIME = LocalTime.of(9, 0);

  private final CycleProperties properties;

  public CycleCalendar(CycleProperties properties) {
    this.properties = properties;
  }

  /** A date's deadline passes when the day is over. */
  public Date endOf(LocalDate date) {
    return Date.from(date.plusDays(1).atStartOfDay(properties.timeZone()).toInstant());
  }

  public Date reminderBefore(LocalDate deadline) {
    return Date.from(deadline.minusDays(properties.reminderDaysBeforeDeadline()).atTime(REMINDER_TIME)
        .atZone(properties.timeZone()).toInstant());
  }

  /** The timer start event's cycle, e.g. "0 0 6 1 10 ?" for 1 October at 06:00. */
  public String scheduleCron() {
    return properties.schedule().cron();
  }

  public CycleProperties properties() {
    return properties;
  }
}
