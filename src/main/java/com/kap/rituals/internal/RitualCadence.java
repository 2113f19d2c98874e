package com.kap.rituals.internal;

import com.kap.platform.rules.DecisionTables;
import com.kap.rituals.RitualType;
import java.time.LocalDate;
import java.time.Period;
import java.util.EnumMap;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The DMN table ritualCadence, as process owners keep it: which rituals a segment earns, how often, with whom.
 * The customer advisory board is a portfolio-level ritual, not part of an account's plan.
 */
@Component
public class RitualCadence {

  /** One ritual type of a segment: its period, whether the customer takes part, who holds it. */
  public record Cadence(RitualType type, Period period, boolean external, String host) {}

  private final DecisionTables tables;

  public RitualCadence(DecisionTables tables) {
    this.tables = tables;
  }

  /** The segment's cadence from the latest ritualCadence table. */
  public Map<RitualType, Cadence> of(String segment) {
    return fromResult(tables.rows("ritualCadence", Collections.singletonMap("segment", segment)));
  }

  /** The table's COLLECT result (one entry per ritual type), as the business rule task or the service returns it. */
  public static Map<RitualType, Cadence> fromResult(List<Map<String, Object>> rows) {
    Map<RitualType, Cadence> cadence = new EnumMap<>(RitualType.class);
    for (Map<String, Object> row : rows) {
      RitualType type = RitualType.byKey(String.valueOf(row.get("ritualType")))
          .orElseThrow(() -> new IllegalStateException("ritualCadence names an unknown ritual " + row.get("ritualType")));
      if (type != RitualType.CUSTOMER_ADVISORY_BOARD) {
        cadence.put(type, new Cadence(type, Period.parse(String.valueOf(row.get("period"))),
            Boolean.TRUE.equals(row.get("external")), String.valueOf(row.get("host"))));
      }
    }
    return cadence;
  }

  /** How many of each type the cadence asks for between two dates. */
  public static Map<RitualType, Integer> required(Map<RitualType, Cadence> cadence, LocalDate from, LocalDate until) {
    Map<RitualType, Integer> required = new EnumMap<>(RitualType.class);
    cadence.forEach((type, c) -> required.put(type, RitualCalendar.required(c.period(), anchor(type, c.period(), from),
        until)));
    return required;
  }

  /**
   * The proposed dates of each type, half a period after the start and then every period: a quarterly ritual
   * falls four times in a whole year (mid-February, May, August, November), a yearly one once, at mid-year.
   */
  public static List<RitualCalendar.ProposedOccurrence> propose(Map<RitualType, Cadence> cadence, LocalDate from,
      LocalDate until) {
    List<RitualCalendar.ProposedOccurrence> dates = new java.util.ArrayList<>();
    cadence.forEach((type, c) -> dates.addAll(RitualCalendar.propose(Map.of(type, c.period()),
        anchor(type, c.period(), from), until)));
    dates.sort(RitualCalendar.BY_DATE_THEN_TYPE);
    return dates;
  }

  /**
   * One period before the first date, which comes half a period after {@code from}, a day later for each ritual
   * type before it, so that an account's quarterly rituals do not all fall on the same day.
   */
  private static LocalDate anchor(RitualType type, Period period, LocalDate from) {
    long halfPeriodDays = java.time.temporal.ChronoUnit.DAYS.between(from, from.plus(period)) / 2;
    return from.plusDays(halfPeriodDays + type.ordinal()).minus(period);
  }
}
