package com.kap.rituals.internal;

import com.kap.planning.CycleCalendar;
import com.kap.planning.PlanFacts.PlanKey;
import com.kap.platform.identity.Roles;
import com.kap.portfolio.Account;
import com.kap.portfolio.Portfolio;
import com.kap.rituals.Occurrence;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;

/**
 * What a ritual plan's routing depends on, read from KAP's tables: the plan by its business key (year-accountId),
 * an occurrence by the execution of its branch. Used by ritualPlan's assignments, timers, gateway and collection.
 */
@Component("ritualFacts")
public class RitualFacts {

  private final RitualPlanRepository plans;
  private final OccurrenceRepository occurrences;
  private final Portfolio accounts;
  private final CycleCalendar calendar;
  private final RitualProperties properties;

  public RitualFacts(RitualPlanRepository plans, OccurrenceRepository occurrences, Portfolio accounts,
      CycleCalendar calendar, RitualProperties properties) {
    this.plans = plans;
    this.occurrences = occurrences;
    this.accounts = accounts;
    this.calendar = calendar;
    this.properties = properties;
  }

  public Account account(DelegateExecution execution) {
    return account(PlanKey.of(execution));
  }

  public Account account(PlanKey key) {
    String accountId = key.accountId();
    return accounts.account(accountId).orElseThrow(() -> new IllegalStateException("no account " + accountId));
  }

  /** Assignee of "Propose ritual calendar". */
  public String kam(DelegateExecution execution) {
    return account(execution).kam();
  }

  /**
   * One branch per planned occurrence, all at once: the collection of ritualPlan versions before the ritual days'
   * timer, which their running instances still evaluate.
   */
  public List<Long> planned(DelegateExecution execution) {
    PlanKey key = PlanKey.of(execution);
    return occurrences.planned(key.year(), key.accountId());
  }

  /**
   * The occurrence a step of its branch works on, found by the branch's execution (bound when the branch started),
   * not by the "occurrenceId" variable, which a task submission could overwrite. Each execution on the way up is
   * looked up once per engine command, however many of the task's expressions ask.
   */
  public Occurrence occurrenceOf(DelegateExecution execution) {
    for (ExecutionEntity scope = (ExecutionEntity) execution; scope != null; scope = scope.getParent()) {
      Optional<Occurrence> occurrence = occurrences.findByExecution(scope.getId());
      if (occurrence.isPresent()) {
        return occurrence.get();
      }
    }
    throw new IllegalStateException("no ritual occurrence runs in execution " + execution.getId());
  }

  /** Whether some planned ritual of the plan has not been handed out to a branch yet. */
  public boolean moreRitualDays(DelegateExecution execution) {
    PlanKey key = PlanKey.of(execution);
    return occurrences.firstDayToHandOut(key.year(), key.accountId()).isPresent();
  }

  /** "Next ritual day": the first day with rituals to hand out, at the configured time. */
  public Date nextRitualDayAt(DelegateExecution execution) {
    PlanKey key = PlanKey.of(execution);
    LocalDate day = occurrences.firstDayToHandOut(key.year(), key.accountId())
        .orElseThrow(() -> new IllegalStateException("no ritual day left for " + key));
    return dueMoment(day);
  }

  /** One branch per ritual handed out and not yet run by a branch. */
  public List<Long> released(DelegateExecution execution) {
    PlanKey key = PlanKey.of(execution);
    return occurrences.handedOut(key.year(), key.accountId());
  }

  /** The moment a ritual of the day is due: the day at the configured time, in the cycle's time zone. */
  private Date dueMoment(LocalDate day) {
    return Date.from(day.atTime(properties.dueTime()).atZone(calendar.properties().timeZone()).toInstant());
  }

  /** The last day whose rituals are due at the moment. */
  public LocalDate lastDueDay(java.time.Instant now) {
    java.time.ZonedDateTime local = now.atZone(calendar.properties().timeZone());
    return local.toLocalTime().isBefore(properties.dueTime()) ? local.toLocalDate().minusDays(1) : local.toLocalDate();
  }

  /** When the occurrence's task appears: its day, at the configured time. */
  public Date dueAt(DelegateExecution execution) {
    return dueMoment(occurrenceOf(execution).plannedDate());
  }

  /** "Hold ritual" is due by the end of its day. */
  public Date endOfDay(DelegateExecution execution) {
    return calendar.endOf(occurrenceOf(execution).plannedDate());
  }

  /** After this, an unrecorded ritual counts as missed. */
  public Date graceEnd(DelegateExecution execution) {
    return calendar.endOf(occurrenceOf(execution).plannedDate().plus(properties.gracePeriod()));
  }

  /** The host moved the ritual to another day: its branch waits for the new day. */
  public boolean moved(DelegateExecution execution) {
    return occurrenceOf(execution).status() == Occurrence.Status.PLANNED;
  }

  /** When the cycle year is over for the plan: the grace period after the year's last day. */
  public Date yearOver(DelegateExecution execution) {
    return calendar.endOf(java.time.LocalDate.of(PlanKey.of(execution).year(), 12, 31).plus(properties.gracePeriod()));
  }

  /** Assignee of "Hold ritual": the KAM, or the sponsor for an executive top-to-top. */
  public String host(DelegateExecution execution) {
    return occurrenceOf(execution).host();
  }

  /** Candidates of "Hold ritual" when no one person hosts it (rituals the programme director runs). */
  public List<String> hostGroups(DelegateExecution execution) {
    return occurrenceOf(execution).host() == null ? List.of(Roles.PROGRAMME_DIRECTOR) : List.of();
  }

  /**
   * Candidate users of "Hold ritual": for the plan review, which the programme director holds, also the account's
   * KAM, who records the actuals against the plan's targets; nobody else.
   */
  public List<String> hostUsers(DelegateExecution execution) {
    Occurrence occurrence = occurrenceOf(execution);
    if (occurrence.type() != com.kap.rituals.RitualType.PLAN_REVIEW || occurrence.host() != null) {
      return List.of();
    }
    return List.of(account(new PlanKey(occurrence.year(), occurrence.accountId())).kam());
  }

  public RitualPlan plan(DelegateExecution execution) {
    return plan(PlanKey.of(execution));
  }

  public RitualPlan plan(PlanKey key) {
    return plans.find(key.year(), key.accountId())
        .orElseThrow(() -> new IllegalStateException("no ritual plan " + key));
  }
}
