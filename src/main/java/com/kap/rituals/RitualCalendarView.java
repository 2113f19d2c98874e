package com.kap.rituals;

import com.kap.rituals.internal.RitualCadence;
import com.kap.rituals.internal.RitualPlan;
import com.kap.rituals.internal.RitualWindow;
import com.kap.platform.forms.DisplayDates;
import com.kap.platform.forms.Problem;
import com.kap.platform.forms.ShownVariables;
import com.kap.platform.i18n.Texts;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.Spin;
import org.springframework.context.NoSuchMessageException;

/**
 * What "Propose ritual calendar" and "Validate ritual calendar" show: the proposed dates, the ritual types the KAM
 * may pick, the segment's cadence, the days the rituals may fall on, the ritual types with fewer dates than the
 * cadence asks for, and what the KAM and the director last wrote. Made in a reader's language ({@code reader}): the
 * rituals' names (the pages' {@code ritual.*}), the cadence table ({@code ritualCalendar.*} of the rituals bundle)
 * and the shortfall; the process keeps the English ({@link #show}), and each task's listener shows its reader theirs
 * ({@link #showToProposer}, {@link #showToValidator}). The days are kept as dates ({@value #WINDOW_FROM},
 * {@value #WINDOW_UNTIL}).
 *
 * <p>The proposal form submits its rows back: a row's {@code ritual} is only its name, said for the reader; the
 * server reads {@code ritualType}, {@code date} and {@code customerParticipants}, which no language changes.
 */
public record RitualCalendarView(List<Map<String, Object>> rituals, List<Map<String, String>> ritualTypeOptions,
    String cadenceSummary, String shortfall, LocalDate windowFrom, LocalDate windowUntil, String justification,
    String directorComments) {

  public static final String WINDOW_FROM = "windowFrom";
  public static final String WINDOW_UNTIL = "windowUntil";

  static RitualCalendarView of(RitualPlan plan, Map<RitualType, RitualCadence.Cadence> cadence, RitualWindow window,
      List<Occurrence> occurrences, Texts texts, Locale reader) {
    List<Map<String, Object>> rows = new ArrayList<>();
    Map<RitualType, Integer> planned = new EnumMap<>(RitualType.class);
    for (Occurrence occurrence : occurrences) {
      if (occurrence.status() == Occurrence.Status.PROPOSED) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("ritualType", occurrence.ritualType());
        row.put("ritual", ritualName(texts, reader, occurrence.type()));
        row.put("date", occurrence.plannedDate().toString());
        row.put("customerParticipants", occurrence.customerParticipants());
        rows.add(row);
        planned.merge(occurrence.type(), 1, Integer::sum);
      }
    }
    List<Map<String, String>> options = new ArrayList<>();
    cadence.keySet().forEach(type -> options.add(Map.of("label", ritualName(texts, reader, type), "value",
        type.key())));
    Map<RitualType, Integer> required = RitualCadence.required(cadence, window.from(), window.until());
    StringBuilder summary = new StringBuilder(texts.text(reader, "ritualCalendar.cadence.header")).append('\n')
        .append("|---|---|---|---|\n");
    cadence.forEach((type, c) -> summary.append(texts.text(reader, "ritualCalendar.cadence.row",
        ritualName(texts, reader, type), readable(texts, reader, c.period()),
        texts.text(reader, c.external() ? "ritualCalendar.cadence.external" : "ritualCalendar.cadence.internal"),
        String.valueOf(required.get(type)))).append('\n'));
    List<String> fewer = new ArrayList<>();
    required.forEach((type, asked) -> {
      int count = planned.getOrDefault(type, 0);
      if (count < asked) {
        fewer.add(Problem.of("ritual.shortfall", Problem.of("ritualType." + type.key()), count, asked)
            .in(reader));
      }
    });
    return new RitualCalendarView(rows, options, summary.toString(),
        fewer.isEmpty() ? null : String.join(", ", fewer), window.from(), window.until(), plan.justification(),
        plan.directorComments());
  }

  /** The ritual's name as the pages give it ({@code ritual.*}); its English label for a kind they do not know. */
  static String ritualName(Texts texts, Locale reader, RitualType type) {
    try {
      return texts.text(reader, "ritual." + type.key());
    } catch (NoSuchMessageException unknown) {
      return type.label();
    }
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

  /**
   * "every 2 weeks", "quarterly", "yearly"… for ISO-8601 periods as the cadence table writes them
   * ({@code ritualCalendar.period.*}); a period of another shape as ISO-8601 ({@code P10D}).
   */
  static String readable(Texts texts, Locale reader, Period period) {
    if (period.getYears() == 1 && period.getMonths() == 0 && period.getDays() == 0) {
      return texts.text(reader, "ritualCalendar.period.yearly");
    }
    if (period.getYears() == 0 && period.getDays() == 0 && period.getMonths() > 0) {
      return switch (period.getMonths()) {
        case 1 -> texts.text(reader, "ritualCalendar.period.monthly");
        case 3 -> texts.text(reader, "ritualCalendar.period.quarterly");
        default -> texts.text(reader, "ritualCalendar.period.months", String.valueOf(period.getMonths()));
      };
    }
    if (period.getYears() == 0 && period.getMonths() == 0 && period.getDays() > 0 && period.getDays() % 7 == 0) {
      return period.getDays() == 7 ? texts.text(reader, "ritualCalendar.period.weekly")
          : texts.text(reader, "ritualCalendar.period.weeks", String.valueOf(period.getDays() / 7));
    }
    return period.toString();
  }

  /** Sets what the calendar's forms show as variables of the scope (the process's, in English). */
  public void show(VariableScope scope) {
    ShownVariables.set(scope, "rituals", Spin.JSON(rituals));
    ShownVariables.set(scope, "ritualTypeOptions", Spin.JSON(ritualTypeOptions));
    ShownVariables.set(scope, "cadenceSummary", cadenceSummary);
    ShownVariables.set(scope, WINDOW_FROM, windowFrom.toString());
    ShownVariables.set(scope, WINDOW_UNTIL, windowUntil.toString());
    ShownVariables.set(scope, "justification", justification);
    ShownVariables.set(scope, "directorComments", directorComments);
  }

  /**
   * "Propose ritual calendar" in its reader's language: the days, the cadence and the ritual types on the task; the
   * rows, which the form submits, where the process keeps them (a task-local variable would keep what the form
   * submits from the listener that records the proposal), their names in the reader's language.
   */
  public void showToProposer(DelegateTask task, Texts texts, Locale reader) {
    ShownVariables.setLocal(task, "windowText", windowText(texts, reader, windowFrom, windowUntil));
    ShownVariables.setLocal(task, "cadenceSummary", cadenceSummary);
    ShownVariables.setLocal(task, "ritualTypeOptions", Spin.JSON(ritualTypeOptions));
    ShownVariables.set(task.getExecution(), "rituals", Spin.JSON(rituals));
  }

  /**
   * "Validate ritual calendar" in its reader's language: the cadence, the shortfall and the proposed rows (their
   * names, their days as the reader's date fields write them), on the task: its form shows them and submits none.
   */
  public void showToValidator(DelegateTask task, Locale reader) {
    ShownVariables.setLocal(task, "cadenceSummary", cadenceSummary);
    ShownVariables.setLocal(task, "shortfall", shortfall);
    List<Map<String, Object>> shown = new ArrayList<>();
    for (Map<String, Object> row : rituals) {
      Map<String, Object> copy = new LinkedHashMap<>(row);
      copy.put("date", DisplayDates.format(LocalDate.parse(String.valueOf(row.get("date"))), reader));
      shown.add(copy);
    }
    ShownVariables.setLocal(task, "rituals", Spin.JSON(shown));
  }
}
