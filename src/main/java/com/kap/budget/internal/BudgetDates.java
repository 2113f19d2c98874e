package com.kap.budget.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Deadlines as people read them: KAP's deadlines pass at midnight after the day they name. */
public final class BudgetDates {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
  private static final DateTimeFormatter FRENCH_DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRANCE);

  private BudgetDates() {}

  /** For a deadline instant at the midnight that ends a day: "1 Dec 2026 (end of day, UTC)". */
  public static String endOfDay(Instant deadline, ZoneId zone) {
    return DAY.format(deadline.minusSeconds(1).atZone(zone)) + " (end of day, " + zone.getId() + ")";
  }

  /**
   * The day such a deadline ends, as the reader writes it: "1 Dec 2026" as {@link #endOfDay} does, "01/12/2026" in
   * French.
   */
  public static String lastDay(Instant deadline, ZoneId zone, Locale reader) {
    boolean french = reader != null && Locale.FRENCH.getLanguage().equals(reader.getLanguage());
    return (french ? FRENCH_DAY : DAY).format(deadline.minusSeconds(1).atZone(zone));
  }
}
