package com.kap.budget.internal;

import com.kap.platform.i18n.Bundles;
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
   * {@link #endOfDay(Instant, ZoneId)} in the reader's language: "1 Dec 2026 (end of day, UTC)", "01/12/2026 (fin de
   * journée, UTC)".
   */
  public static String endOfDay(Instant deadline, ZoneId zone, Locale reader) {
    return Bundles.standalone().getMessage("outcome.endOfDay",
        new Object[] {lastDay(deadline, zone, reader), zone.getId()}, reader == null ? Locale.ENGLISH : reader);
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
