package com.kap.planning;

import com.kap.planning.internal.AccountPlanRepository;
import com.kap.planning.internal.CycleRepository;
import com.kap.platform.forms.FormProblems;
import com.kap.platform.forms.InvalidFormData;
import com.kap.platform.forms.Problem;
import com.kap.platform.rules.WeightsRefused;
import com.kap.platform.identity.CurrentUser;
import com.kap.portfolio.Account;
import com.kap.portfolio.Portfolio;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * The annual planning cycles: a year's cycle registered once, next year's scheduled, the training needs its plans
 * name and the training plan written from them, and a cancelled cycle removed with all it started.
 */
@Service
public class PlanningCycles {

  private final CycleRepository cycles;
  private final AccountPlanRepository plans;
  private final Portfolio portfolio;
  private final CyclePlans cyclePlans;
  private final CycleCalendar calendar;
  private final CurrentUser currentUser;
  private final Clock clock;

  public PlanningCycles(CycleRepository cycles, AccountPlanRepository plans, Portfolio portfolio,
      CyclePlans cyclePlans, CycleCalendar calendar, CurrentUser currentUser, Clock clock) {
    this.cycles = cycles;
    this.plans = plans;
    this.portfolio = portfolio;
    this.cyclePlans = cyclePlans;
    this.calendar = calendar;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  /** The year's cycle, if one was registered. */
  public Optional<PlanningCycle> cycle(int year) {
    return cycles.find(year);
  }

  /**
   * Checks the start form (a year without a cycle, a plan deadline not in the past, a closing date after it) and
   * registers the cycle with the latest segmentation weights (refused when that table is). Run in the starting
   * transaction: a refused start leaves nothing behind.
   *
   * @throws InvalidFormData naming every problem of the form at once
   */
  public CycleRegistered register(RegisterCycle command) {
    FormProblems problems = new FormProblems();
    LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(calendar.properties().timeZone()).toLocalDate();
    Integer year = problems.check(() -> {
      int asked = command.year().get();
      if (cycles.find(asked).isPresent()) {
        throw duplicate(asked);
      }
      return asked;
    }).orElse(null);
    LocalDate planDeadline = problems.check(() -> {
      LocalDate deadline = command.planDeadline().get();
      if (deadline.isBefore(today)) {
        throw new InvalidFormData("planDeadline", Problem.of("date.past", deadline));
      }
      return deadline;
    }).orElse(null);
    LocalDate closingDate = problems.check(() -> {
      LocalDate closing = command.closingDate().get();
      if (planDeadline != null && !closing.isAfter(planDeadline)) {
        throw new InvalidFormData("closingDate", Problem.of("closingDate.beforeDeadline",
            planDeadline));
      }
      return closing;
    }).orElse(null);
    problems.throwIfAny();
    try {
      portfolio.recordWeights(year);
    } catch (WeightsRefused e) {
      throw new InvalidFormData("year", Problem.of("cycle.cannotStart", e.getMessage()));
    }
    try {
      cycles.insert(year, command.processInstanceId(), planDeadline, closingDate, currentUser.idOrElse(null),
          clock.instant());
    } catch (DuplicateKeyException e) {
      throw duplicate(year);
    }
    // with less than a week to go, the plans themselves are the news: no reminder before the deadline's escalation
    Date reminder = calendar.reminderBefore(planDeadline);
    return new CycleRegistered(year, planDeadline, closingDate, calendar.endOf(planDeadline),
        reminder.before(ClockUtil.getCurrentTime()) ? calendar.endOf(planDeadline) : reminder,
        calendar.endOf(closingDate));
  }

  private static InvalidFormData duplicate(int year) {
    return new InvalidFormData("year", Problem.of("cycle.started", year));
  }

  /** Next year's cycle with the configured plan deadline (in this year) and closing date (in next year). */
  public NextCycle nextCycle() {
    CycleProperties.Schedule schedule = calendar.properties().schedule();
    LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(calendar.properties().timeZone()).toLocalDate();
    int year = today.getYear() + 1;
    return new NextCycle(year, schedule.planDeadline().atYear(year - 1), schedule.closingDate().atYear(year),
        cycles.find(year).isPresent());
  }

  /** The training needs of the year's plans, each from the plan's latest version. */
  public TrainingNeeds trainingNeeds(int year) {
    Map<String, String> names = portfolio.accounts().stream()
        .collect(Collectors.toMap(Account::accountId, Account::name, (a, b) -> a));
    Map<String, List<Map<String, String>>> byAudience = new LinkedHashMap<>();
    PlanContent.TRAINING_AUDIENCES.forEach(audience -> byAudience.put(audience, new ArrayList<>()));
    int total = 0;
    for (Map.Entry<String, PlanVersion> version : plans.latestVersions(year).entrySet()) {
      String accountId = version.getKey();
      for (PlanContent.TrainingNeed need : version.getValue().content().trainingNeeds()) {
        byAudience.get(need.forWhom()).add(Map.of("accountId", accountId,
            "account", names.getOrDefault(accountId, accountId), "need", need.need()));
        total++;
      }
    }
    return new TrainingNeeds(total, byAudience);
  }

  /** Stores the training plan with who wrote it. */
  public void recordTrainingPlan(RecordTrainingPlan command) {
    cycles.saveTrainingPlan(command.year(), command.trainingPlan(), currentUser.idOrElse(null));
  }

  /**
   * A cancelled cycle: its running plans are deleted in the background, and its plans' records, versions,
   * segmentation and registration go with it, so that the year can be started afresh.
   */
  public void cancel(int year) {
    cyclePlans.closeOpenPlans(year, "the " + year + " planning cycle was cancelled");
    plans.deleteYear(year);
    portfolio.forgetYear(year);
    cycles.delete(year);
  }
}
