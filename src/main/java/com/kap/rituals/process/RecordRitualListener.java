package com.kap.rituals.process;

import com.kap.planning.CycleCalendar;
import com.kap.platform.forms.DisplayDates;
import com.kap.platform.forms.FormProblems;
import com.kap.platform.forms.FormValues;
import com.kap.platform.forms.InvalidFormData;
import com.kap.platform.forms.TaskCompletionListener;
import com.kap.platform.identity.CurrentUser;
import com.kap.portfolio.AccountTeam;
import com.kap.portfolio.Portfolio;
import com.kap.rituals.Occurrence;
import com.kap.rituals.internal.OccurrenceRepository;
import com.kap.rituals.internal.RitualCalendar;
import com.kap.rituals.internal.RitualFacts;
import com.kap.rituals.internal.RitualWindow;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
  private final AccountTeam team;
  private final Portfolio accounts;

  public RecordRitualListener(RitualFacts facts, OccurrenceRepository occurrences, CycleCalendar calendar,
      CurrentUser currentUser, Clock clock, AccountTeam team, Portfolio accounts) {
    this.team = team;
    this.accounts = accounts;
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
        throw new InvalidFormData("newDate", "must be another working day from " + DisplayDates.format(window.from())
            + " to " + DisplayDates.format(window.until()) + ", was " + DisplayDates.format(newDate));
      }
      occurrences.move(occurrence.occurrenceNo(), newDate, clock.instant());
      return;
    }
    if (!held) {
      String reason = values.text("notHeldReason", true, 4000);
      occurrences.recordHeld(occurrence.occurrenceNo(), false, null, null, reason, null, null, by, clock.instant());
      return;
    }
    FormProblems problems = new FormProblems();
    LocalDate heldDate = problems.check(() -> {
      LocalDate date = values.date("heldDate", true);
      if (date.getYear() != occurrence.year() || date.isAfter(today)) {
        throw new InvalidFormData("heldDate", "must be a day of " + occurrence.year() + " and not after today, was "
            + DisplayDates.format(date));
      }
      return date;
    }).orElse(null);
    String attendees = problems.check(() -> values.text("attendees", true, 2000)).orElse(null);
    String minutes = problems.check(() -> values.text("minutes", true, 10000)).orElse(null);
    String decisions = problems.check(() -> values.text("decisions", false, 4000)).orElse(null);
    Integer satisfaction = occurrence.customerParticipants() == null ? null
        : problems.check(() -> values.integer("customerSatisfaction", 1, 5)).orElse(null);
    Set<String> owners = team.members(accounts.account(occurrence.accountId()).orElseThrow());
    List<Map<String, Object>> actions = problems.check(() -> values.objectList("actions")).map(entries ->
        actions(entries, heldDate, owners, problems)).orElse(List.of());
    problems.throwIfAny();
    occurrences.recordHeld(occurrence.occurrenceNo(), true, heldDate, attendees, minutes, decisions, satisfaction,
        by, clock.instant());
    occurrences.addActions(occurrence.occurrenceNo(), occurrence.accountId(), actions);
  }

  /** The actions agreed, each with an owner from the account's team and a due date not before the ritual. */
  private static List<Map<String, Object>> actions(List<Map<String, Object>> entries, LocalDate heldDate,
      Set<String> owners, FormProblems problems) {
    List<Map<String, Object>> actions = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      String path = "actions[" + i + "]";
      Map<String, Object> entry = entries.get(i);
      Map<String, Object> action = new HashMap<>();
      action.put("action", problems.check(() -> FormValues.text(entry, path, "action", true, 1000)).orElse(null));
      action.put("owner", problems.check(() -> {
        String owner = FormValues.text(entry, path, "owner", true, 200);
        if (!owners.contains(owner)) {
          throw new InvalidFormData(path + ".owner", "pick the KAM, the sponsor or a programme director from the"
              + " list (" + owner + " is not on the account's team)");
        }
        return owner;
      }).orElse(null));
      action.put("dueDate", problems.check(() -> {
        LocalDate due = FormValues.date(entry, path, "dueDate", true);
        if (heldDate != null && due.isBefore(heldDate)) {
          throw new InvalidFormData(path + ".dueDate", "must not be before the ritual (" + DisplayDates.format(heldDate)
              + "), was " + DisplayDates.format(due));
        }
        return due;
      }).orElse(null));
      actions.add(action);
    }
    return actions;
  }
}
