package com.kap.rituals.process;

import com.kap.platform.forms.FormProblems;
import com.kap.platform.forms.FormValues;
import com.kap.platform.forms.InvalidFormData;
import com.kap.platform.forms.TaskCompletionListener;
import com.kap.platform.identity.CurrentUser;
import com.kap.portfolio.Account;
import com.kap.rituals.internal.OccurrenceRepository;
import com.kap.rituals.internal.RitualCadence;
import com.kap.rituals.internal.RitualCalendar;
import com.kap.rituals.internal.RitualCalendarView;
import com.kap.rituals.internal.RitualFacts;
import com.kap.rituals.internal.RitualPlan;
import com.kap.rituals.internal.RitualPlanRepository;
import com.kap.rituals.RitualType;
import com.kap.rituals.internal.RitualWindow;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * When the KAM completes "Propose ritual calendar": every date a working day within the rest of the cycle year,
 * customer participants named for external rituals, and a justification where the calendar holds fewer rituals of
 * a type than the cadence asks for.
 */
@Component("recordRitualProposal")
public class RecordRitualProposalListener extends TaskCompletionListener {

  private final RitualFacts facts;
  private final RitualCadence cadences;
  private final RitualPlanRepository plans;
  private final OccurrenceRepository occurrences;
  private final ProposeRitualDatesDelegate proposer;
  private final CurrentUser currentUser;
  private final Clock clock;

  public RecordRitualProposalListener(RitualFacts facts, RitualCadence cadences, RitualPlanRepository plans,
      OccurrenceRepository occurrences, ProposeRitualDatesDelegate proposer, CurrentUser currentUser, Clock clock) {
    this.facts = facts;
    this.cadences = cadences;
    this.plans = plans;
    this.occurrences = occurrences;
    this.proposer = proposer;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    RitualPlan plan = facts.plan(execution);
    Account account = facts.account(execution);
    Map<RitualType, RitualCadence.Cadence> cadence = cadences.of(plan.segment());
    RitualWindow window = proposer.window(plan.year());
    FormValues values = FormValues.of(execution);
    List<Map<String, Object>> entries = values.objectList("rituals");
    List<OccurrenceRepository.Proposal> proposals = new ArrayList<>();
    Map<RitualType, Integer> counts = new EnumMap<>(RitualType.class);
    FormProblems problems = new FormProblems();
    for (int i = 0; i < entries.size(); i++) {
      String path = "rituals[" + i + "]";
      Map<String, Object> entry = entries.get(i);
      problems.check(() -> {
        String key = FormValues.choice(entry, path, "ritualType", cadence.keySet().stream().map(RitualType::key)
            .toList(), true);
        RitualCadence.Cadence ritual = cadence.get(RitualType.byKey(key).orElseThrow());
        LocalDate date = FormValues.date(entry, path, "date", true);
        if (!window.contains(date)) {
          throw new InvalidFormData(path + ".date", "must be from " + window.from() + " to " + window.until()
              + ", was " + date);
        }
        if (!RitualCalendar.isWorkingDay(date)) {
          throw new InvalidFormData(path + ".date", date + " is a " + date.getDayOfWeek().toString().toLowerCase()
              + "; rituals fall on working days");
        }
        String participants = FormValues.text(entry, path, "customerParticipants", ritual.external(), 1000);
        proposals.add(new OccurrenceRepository.Proposal(ritual.type(), date,
            ProposeRitualDatesDelegate.host(ritual.host(), account), ritual.external() ? participants : null));
        return counts.merge(ritual.type(), 1, Integer::sum);
      });
    }
    String justification = problems.check(() -> values.text("justification", false, 4000)).orElse(null);
    List<String> shortfall = new ArrayList<>();
    RitualCadence.required(cadence, window.from(), window.until()).forEach((type, required) -> {
      int planned = counts.getOrDefault(type, 0);
      if (planned < required) {
        shortfall.add(type.label() + " (" + planned + " of " + required + ")");
      }
    });
    if (!shortfall.isEmpty() && justification == null && problems.isEmpty()) {
      problems.add(new InvalidFormData("justification", "is required: fewer rituals than the cadence asks for: "
          + String.join(", ", shortfall)));
    }
    problems.throwIfAny();
    occurrences.propose(plan.year(), plan.accountId(), proposals, clock.instant());
    plans.propose(plan.year(), plan.accountId(), justification, currentUser.idOrElse(account.kam()), clock.instant());
    execution.setVariable("shortfall", shortfall.isEmpty() ? null : String.join(", ", shortfall));
    RitualCalendarView.show(execution, facts.plan(execution), cadence, window,
        occurrences.findByPlan(plan.year(), plan.accountId()));
  }
}
