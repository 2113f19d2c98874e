package com.kap.rituals.process;

import com.kap.platform.forms.FormValues;
import com.kap.platform.forms.InvalidFormData;
import com.kap.platform.forms.TaskCompletionListener;
import com.kap.platform.identity.CurrentUser;
import com.kap.platform.notifications.Notifications;
import com.kap.portfolio.Account;
import com.kap.rituals.internal.OccurrenceRepository;
import com.kap.rituals.internal.RitualCadence;
import com.kap.rituals.internal.RitualCalendarView;
import com.kap.rituals.internal.RitualFacts;
import com.kap.rituals.internal.RitualPlan;
import com.kap.rituals.internal.RitualPlanRepository;
import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** When the programme director completes "Validate ritual calendar": validated, or back to the KAM with comments. */
@Component("decideRitualCalendar")
public class DecideRitualCalendarListener extends TaskCompletionListener {

  private final RitualFacts facts;
  private final RitualCadence cadences;
  private final RitualPlanRepository plans;
  private final OccurrenceRepository occurrences;
  private final ProposeRitualDatesDelegate proposer;
  private final Notifications notifications;
  private final CurrentUser currentUser;
  private final Clock clock;

  public DecideRitualCalendarListener(RitualFacts facts, RitualCadence cadences, RitualPlanRepository plans,
      OccurrenceRepository occurrences, ProposeRitualDatesDelegate proposer, Notifications notifications,
      CurrentUser currentUser, Clock clock) {
    this.facts = facts;
    this.cadences = cadences;
    this.plans = plans;
    this.occurrences = occurrences;
    this.proposer = proposer;
    this.notifications = notifications;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    RitualPlan plan = facts.plan(execution);
    FormValues values = FormValues.of(execution);
    boolean validated = "validate".equals(values.choice("calendarDecision", List.of("validate", "sendBack"), true));
    String comments = values.text("calendarComments", false, 4000);
    if (!validated && comments == null) {
      throw new InvalidFormData("calendarComments", "is required when the calendar goes back: tell the KAM what to "
          + "change");
    }
    plans.decide(plan.year(), plan.accountId(), validated, comments, currentUser.idOrElse(null), clock.instant());
    execution.setVariable("calendarValidated", validated);
    // the next round of validation starts with an empty decision
    execution.removeVariable("calendarDecision");
    execution.removeVariable("calendarComments");
    Account accountRow = facts.account(execution);
    String kam = accountRow.kam();
    String account = accountRow.name();
    if (validated) {
      notifications.send(kam, "Ritual calendar " + plan.year() + " validated: " + account,
          "Your " + plan.year() + " ritual calendar for " + account + " is validated. Each ritual appears in "
              + "Tasklist on its day; subscribe to /api/rituals/calendar.ics?kam=" + kam + " in your calendar."
              + (comments == null ? "" : "\n\n" + comments));
    } else {
      RitualPlan current = facts.plan(execution);
      RitualCalendarView.show(execution, current, cadences.of(current.segment()), proposer.window(plan.year()),
          occurrences.findByPlan(plan.year(), plan.accountId()));
      notifications.send(kam, "Ritual calendar " + plan.year() + " sent back: " + account, comments);
    }
  }
}
