package com.kap.rituals;

import com.kap.forms.FormValues;
import com.kap.forms.InvalidFormData;
import com.kap.forms.TaskCompletionListener;
import com.kap.identity.CurrentUser;
import com.kap.planning.CycleCalendar;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * When the host completes "Hold ritual": held (date, attendees, minutes, decisions, actions, and for a ritual with
 * the customer their satisfaction 1–5) or not held (with the reason).
 */
@Component("recordRitual")
public class RecordRitualListener extends TaskCompletionListener {

  private final RitualFacts facts;
  private final OccurrenceRepository occurrences;
  private final CycleCalendar calendar;
  private final CurrentUser currentUser;
  private final Clock clock;

  public RecordRitualListener(RitualFacts facts, OccurrenceRepository occurrences, CycleCalendar calendar,
      CurrentUser currentUser, Clock clock) {
    this.facts = facts;
    this.occurrences = occurrences;
    this.calendar = calendar;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    Occurrence occurrence = facts.occurrenceOf(execution);
    FormValues values = FormValues.of(execution);
    String outcome = values.choice("held", List.of("yes", "no", "moved"), true);
    boolean held = "yes".equals(outcome);
    String by = currentUser.idOrElse(occurrence.host());
    LocalDate today = clock.instant().atZone(calendar.properties().timeZone()).toLocalDate();
    if ("moved".equals(outcome)) {
      LocalDate newDate = values.date("newDate", true);
      RitualWindow window = RitualWindow.of(occurrence.year(), today);
      if (!window.contains(newDate) || !RitualCalendar.isWorkingDay(newDate) || newDate.equals(occurrence.plannedDate())) {
        throw new InvalidFormData("newDate", "must be another working day from " + window.from() + " to "
            + window.until() + ", was " + newDate);
      }
      occurrences.move(occurrence.occurrenceNo(), newDate, clock.instant());
      return;
    }
    if (!held) {
      String reason = values.text("notHeldReason", true, 4000);
      occurrences.recordHeld(occurrence.occurrenceNo(), false, null, null, reason, null, null, by, clock.instant());
      return;
    }
    LocalDate heldDate = values.date("heldDate", true);
    if (heldDate.getYear() != occurrence.year() || heldDate.isAfter(today)) {
      throw new InvalidFormData("heldDate", "must be a day of " + occurrence.year() + " and not after today, was "
          + heldDate);
    }
    String attendees = values.text("attendees", true, 2000);
    String minutes = values.text("minutes", true, 10000);
    String decisions = values.text("decisions", false, 4000);
    Integer satisfaction = occurrence.customerParticipants() == null ? null
        : values.integer("customerSatisfaction", 1, 5);
    List<Map<String, Object>> actions = actions(values.objectList("actions"), heldDate);
    occurrences.recordHeld(occurrence.occurrenceNo(), true, heldDate, attendees, minutes, decisions, satisfaction,
        by, clock.instant());
    occurrences.addActions(occurrence.occurrenceNo(), occurrence.accountId(), actions);
  }

  private static List<Map<String, Object>> actions(List<Map<String, Object>> entries, LocalDate heldDate) {
    List<Map<String, Object>> actions = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      String path = "actions[" + i + "]";
      Map<String, Object> entry = entries.get(i);
      Map<String, Object> action = new HashMap<>();
      action.put("action", FormValues.text(entry, path, "action", true, 1000));
      action.put("owner", FormValues.text(entry, path, "owner", true, 200));
      LocalDate due = FormValues.date(entry, path, "dueDate", true);
      if (due.isBefore(heldDate)) {
        throw new InvalidFormData(path + ".dueDate", "must not be before the ritual (" + heldDate + "), was " + due);
      }
      action.put("dueDate", due);
      actions.add(action);
    }
    return actions;
  }
}
