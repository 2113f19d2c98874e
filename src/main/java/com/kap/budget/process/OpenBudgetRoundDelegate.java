package com.kap.budget.process;

import com.kap.budget.BudgetRounds;
import com.kap.budget.internal.BudgetRound;
import com.kap.budget.internal.RegionMinimums;
import com.kap.planning.AccountPlans;
import com.kap.planning.CycleCalendar;
import com.kap.platform.forms.DisplayDates;
import com.kap.platform.forms.FormProblems;
import com.kap.platform.forms.FormValues;
import com.kap.platform.forms.InvalidFormData;
import com.kap.platform.identity.CurrentUser;
import com.kap.platform.identity.KnownUsers;
import com.kap.platform.identity.Roles;
import com.kap.portfolio.Portfolio;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * First step of a budget round: checks the programme director's start form on the server and opens the round
 * ({@link BudgetRounds#open}) as the open one of its scope (a region, or global). Its id becomes the business key.
 */
@Component("openBudgetRound")
public class OpenBudgetRoundDelegate implements JavaDelegate {

  private static final long MAX_ENVELOPE = 1_000_000_000_000L;

  private final BudgetRounds budgetRounds;
  private final Portfolio accounts;
  private final AccountPlans plans;
  private final KnownUsers users;
  private final CycleCalendar calendar;
  private final CurrentUser currentUser;
  private final Clock clock;

  public OpenBudgetRoundDelegate(BudgetRounds budgetRounds, Portfolio accounts, AccountPlans plans, KnownUsers users,
      CycleCalendar calendar, CurrentUser currentUser, Clock clock) {
    this.budgetRounds = budgetRounds;
    this.accounts = accounts;
    this.plans = plans;
    this.users = users;
    this.calendar = calendar;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormValues values = FormValues.of(execution);
    FormProblems problems = new FormProblems(); // every problem of the start form at once
    String name = problems.check(() -> values.text("name", true, 200)).orElse(null);
    String level = problems.check(() -> values.choice("level", List.of("global", "regional"), true)).orElse(null);
    String scope = level == null ? null : "global".equals(level) ? BudgetRound.GLOBAL
        : problems.check(() -> region(values)).orElse(null);
    Integer year = problems.check(() -> {
      int asked = values.integer("year", 2000, 2200);
      if (plans.plans(asked).isEmpty()) {
        throw new InvalidFormData("year", "no account plans exist for " + asked + ", so no bid could be eligible; "
            + "start that year's planning cycle first");
      }
      return asked;
    }).orElse(null);
    Long envelope = problems.check(() -> values.wholeNumber("envelope", 1, MAX_ENVELOPE)).orElse(null);
    BigDecimal reservePercent = execution.getVariable("reservePercent") == null ? BigDecimal.TEN
        : problems.check(() -> values.decimal("reservePercent", BigDecimal.ZERO, BigDecimal.valueOf(50), 2))
            .orElse(null);
    LocalDate today = clock.instant().atZone(calendar.properties().timeZone()).toLocalDate();
    LocalDate deadline = problems.check(() -> {
      LocalDate asked = values.date("callDeadline", true);
      if (asked.isBefore(today)) {
        throw new InvalidFormData("callDeadline", "must not be in the past, was " + DisplayDates.format(asked));
      }
      return asked;
    }).orElse(null);
    List<String> committee = problems.check(() -> committee(values.textList("committee", true, 64)))
        .orElse(List.of());
    String chair = problems.check(() -> {
      String asked = values.text("chair", true, 64);
      if (!committee.isEmpty() && !committee.contains(asked)) {
        throw new InvalidFormData("chair", "must be one of the committee members " + committee + ", was '" + asked
            + "'");
      }
      return asked;
    }).orElse(null);
    problems.throwIfAny();
    String openedBy = currentUser.idOrElse(null);
    Map<String, Long> regionMinimums = "global".equals(level) ? RegionMinimums.read("regionMinimums",
        values.text("regionMinimums", false, 1000), accounts.regions(), envelope) : Map.of();
    BudgetRounds.RoundOpened opened = budgetRounds.open(new BudgetRounds.OpenRound(name, scope, year, envelope,
        reservePercent, regionMinimums, deadline, committee, chair, openedBy, execution.getProcessInstanceId()));
    execution.setProcessBusinessKey(opened.roundId());
    execution.setVariable("roundId", opened.roundId());
    execution.setVariable("roundName", name);
    execution.setVariable("callDeadline", opened.callDeadline());
  }

  private String region(FormValues values) {
    String region = values.text("region", true, 64);
    List<String> known = accounts.regions();
    if (!known.contains(region)) {
      throw new InvalidFormData("region", "must be a region of the portfolio " + known + ", was '" + region + "'");
    }
    return region;
  }

  private List<String> committee(List<String> ids) {
    Set<String> directors = users.membersOf(Roles.DIRECTOR);
    List<String> strangers = ids.stream().filter(id -> !directors.contains(id)).toList();
    if (!strangers.isEmpty()) {
      throw new InvalidFormData("committee", "only directors may sit on the committee, not " + strangers);
    }
    if (ids.isEmpty()) {
      throw new InvalidFormData("committee", "needs at least one director");
    }
    return List.copyOf(ids);
  }
}
