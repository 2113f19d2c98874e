package com.kap.rituals.process;

import com.kap.planning.CycleCalendar;
import com.kap.portfolio.Account;
import com.kap.rituals.internal.OccurrenceRepository;
import com.kap.rituals.internal.RitualCadence;
import com.kap.rituals.internal.RitualCalendar;
import com.kap.rituals.internal.RitualCalendarView;
import com.kap.rituals.internal.RitualFacts;
import com.kap.rituals.internal.RitualPlan;
import com.kap.rituals.RitualType;
import com.kap.rituals.internal.RitualWindow;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Proposes the year's ritual dates from the segment's cadence (DMN ritualCadence): every period from today to the
 * year's end, on working days. The KAM adjusts them in "Propose ritual calendar".
 */
@Component("proposeRitualDates")
public class ProposeRitualDatesDelegate implements JavaDelegate {

  private final RitualFacts facts;
  private final RitualCadence cadences;
  private final OccurrenceRepository occurrences;
  private final CycleCalendar calendar;
  private final Clock clock;

  public ProposeRitualDatesDelegate(RitualFacts facts, RitualCadence cadences, OccurrenceRepository occurrences,
      CycleCalendar calendar, Clock clock) {
    this.facts = facts;
    this.cadences = cadences;
    this.occurrences = occurrences;
    this.calendar = calendar;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RitualPlan plan = facts.plan(execution);
    Account account = facts.account(execution);
    Map<RitualType, RitualCadence.Cadence> cadence = cadences.of(plan.segment());
    RitualWindow window = window(plan.year());
    List<OccurrenceRepository.Proposal> proposals = new ArrayList<>();
    for (RitualCalendar.ProposedOccurrence proposed : RitualCadence.propose(cadence, window.from(), window.until())) {
      proposals.add(new OccurrenceRepository.Proposal(proposed.type(), proposed.date(),
          host(cadence.get(proposed.type()).host(), account), null));
    }
    occurrences.propose(plan.year(), plan.accountId(), proposals, clock.instant());
    RitualCalendarView.show(execution, plan, cadence, window, occurrences.findByPlan(plan.year(), plan.accountId()));
  }

  public RitualWindow window(int year) {
    return RitualWindow.of(year, clock.instant().atZone(calendar.properties().timeZone()).toLocalDate());
  }

  /** Who holds a ritual: the KAM, the sponsor (the KAM where the account has none), or the programme director. */
  public static String host(String role, Account account) {
    return switch (role) {
      case "sponsor" -> account.sponsor() == null ? account.kam() : account.sponsor();
      case "programmeDirector" -> null;
      default -> account.kam();
    };
  }
}
