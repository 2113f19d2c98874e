package com.kap.rituals;

import com.kap.rituals.internal.RitualCadence;
import com.kap.rituals.internal.RitualPlan;
import com.kap.rituals.internal.RitualWindow;
import com.kap.platform.forms.DisplayDates;
import com.kap.platform.i18n.Texts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.Spin;

/**
 * What "Propose ritual calendar" and "Validate ritual calendar" show: the proposed dates, the ritual types the KAM
 * may pick, the segment's cadence, the days the rituals may fall on, and what the KAM and the director last wrote.
 * The days are kept as dates ({@value #WINDOW_FROM}, {@value #WINDOW_UNTIL}); the proposal task's listener writes
 * them as {@code windowText} in its assignee's language ({@link #windowText}).
 */
public record RitualCalendarView(List<Map<String, Object>> rituals, List<Map<String, String>> ritualTypeOptions,
    String cadenceSummary, LocalDate windowFrom, LocalDate windowUntil, String justification,
    String directorComments) {

  public static final String WINDOW_FROM = "windowFrom";
  public static final String WINDOW_UNTIL = "windowUntil";

  static RitualCalendarView of(RitualPlan plan, Map<RitualType, RitualCadence.Cadence> cadence, RitualWindow window,
      List<Occurrence> occurrences) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Occurrence occurrence : occurrences) {
      if (occurrence.status() == Occurrence.Status.PROPOSED) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("ritualType", occurrence.ritualType());
        row.put("ritual", occurrence.type().label());
        row.put("date", occurrence.plannedDate().toString());
        row.put("customerParticipants", occurrence.customerParticipants());
        rows.add(row);
      }
    }
    List<Map<String, String>> options = new ArrayList<>();
    cadence.keySet().forEach(type -> options.add(Map.of("label", type.label(), "value", type.key())));
    Map<RitualType, Integer> required = RitualCadence.required(cadence, window.from(), window.until());
    StringBuilder summary = new StringBuilder("| ritual | cadence | with the customer | asked for this year |\n"
        + "|---|---|---|---|\n");
    cadence.forEach((type, c) -> summary.append("| ").append(type.label())
        .append(" | ").append(readable(c.period())).append(" | ").append(c.external() ? "yes: name the participants" : "no").append(" | ")
        .append(required.get(type)).append(" |\n"));
    return new RitualCalendarView(rows, options, summary.toString(), window.from(), window.until(),
        plan.justification(), plan.directorComments());
  }

  /**
   * The days the rituals may fall on, as the proposal form says them ("dates from {windowText}"): "01/01/2027 to
   * 12/31/2027, working days (Monday to Friday)", "du 01/01/2027 au 31/12/2027, jours ouvrés (du lundi au
   * vendredi)"; the days in the order of the form's date fields.
   */
  public static String windowText(Texts texts, Locale reader, LocalDate from, LocalDate until) {
    return texts.text(reader, "ritualCalendar.window", DisplayDates.format(from, reader),
        DisplayDates.format(until, reader));
  }

  /** "every 2 weeks", "quarterly", "yearly"… for ISO-8601 periods as the cadence table writes them. */
  static String readable(java.time.Period period) {
    if (period.getYears() == 1 && period.getMonths() == 0 && period.getDays() == 0) {
      return "yearly";
    }
    if (period.getYears() == 0 && period.getDays() == 0) {
      return switch (period.getMonths()) {
        case 1 -> "monthly";
        case 3 -> "quarterly";
        case 6 -> "every 6 months";
        default -> "every " + period.getMonths() + " months";
      };
    }
    if (period.getYears() == 0 && period.getMonths() == 0 && period.getDays() % 7 == 0) {
      return period.getDays() == 7 ? "weekly" : "every " + period.getDays() / 7 + " weeks";
    }
    return period.toString();
  }

  /** Sets what the calendar's forms show as variables of the scope. */
  public void show(VariableScope scope) {
    scope.setVariable("rituals", Spin.JSON(rituals));
    scope.setVariable("ritualTypeOptions", Spin.JSON(ritualTypeOptions));
    scope.setVariable("cadenceSummary", cadenceSummary);
    scope.setVariable(WINDOW_FROM, windowFrom.toString());
    scope.setVariable(WINDOW_UNTIL, windowUntil.toString());
    scope.setVariable("justification", justification);
    scope.setVariable("directorComments", directorComments);
  }
}
