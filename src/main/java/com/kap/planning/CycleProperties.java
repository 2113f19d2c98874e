package com.kap.planning;

import java.time.MonthDay;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The annual cycle's calendar: the time zone deadlines are counted in, how many days before the plan deadline KAMs
 * are reminded, and the yearly automatic start (cron, and the dates a scheduled cycle gets).
 */
@ConfigurationProperties("kap.cycle")
public record CycleProperties(ZoneId timeZone, int reminderDaysBeforeDeadline, Schedule schedule) {

  /**
   * @param cron when the next year's cycle starts by itself (Camunda timer cron: seconds minutes hours day month
   *     weekday)
   * @param planDeadline the plan deadline of a scheduled cycle, in the year before the cycle year
   * @param closingDate the closing date of a scheduled cycle, in the cycle year
   */
  public record Schedule(String cron, MonthDay planDeadline, MonthDay closingDate) {}
}
