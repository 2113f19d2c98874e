package com.kap.rituals.process;

import com.kap.planning.CycleCalendar;
import com.kap.platform.forms.FormValues;
import com.kap.platform.forms.InvalidFormData;
import com.kap.platform.notifications.Notifications;
import com.kap.portfolio.Account;
import com.kap.portfolio.CycleSegment;
import com.kap.portfolio.Portfolio;
import com.kap.portfolio.Segment;
import com.kap.rituals.internal.AdvisoryBoardRepository;
import com.kap.rituals.internal.RitualCalendar;
import com.kap.rituals.internal.RitualWindow;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.Spin;
import org.springframework.stereotype.Component;

/**
 * First step of a customer advisory board: checks the programme director's date and agenda, invites the year's
 * Strategic accounts (their KAMs and sponsors are told) and registers the board.
 */
@Component("planAdvisoryBoard")
public class PlanAdvisoryBoardDelegate implements JavaDelegate {

  private final AdvisoryBoardRepository boards;
  private final Portfolio accounts;
  private final CycleCalendar calendar;
  private final Notifications notifications;
  private final Clock clock;

  public PlanAdvisoryBoardDelegate(AdvisoryBoardRepository boards, Portfolio accounts,
      CycleCalendar calendar, Notifications notifications, Clock clock) {
    this.boards = boards;
    this.accounts = accounts;
    this.calendar = calendar;
    this.notifications = notifications;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormValues values = FormValues.of(execution);
    int year = values.integer("year", 2000, 2200);
    LocalDate date = values.date("boardDate", true);
    LocalDate today = clock.instant().atZone(calendar.properties().timeZone()).toLocalDate();
    RitualWindow window = RitualWindow.of(year, today);
    if (!window.contains(date) || !RitualCalendar.isWorkingDay(date)) {
      throw new InvalidFormData("boardDate", "must be a working day from " + window.from() + " to " + window.until()
          + ", was " + date);
    }
    String agenda = values.text("agenda", true, 4000);
    List<Account> invited = accounts.segments(year).stream().filter(s -> s.segment() == Segment.STRATEGIC)
        .map(CycleSegment::accountId).map(accounts::account).flatMap(java.util.Optional::stream).toList();
    if (invited.isEmpty()) {
      throw new InvalidFormData("year", "the " + year + " segmentation has no Strategic account to invite");
    }
    long boardNo = boards.insert(year, date, agenda, invited.stream().map(Account::accountId).toList(),
        execution.getProcessInstanceId(), clock.instant());
    execution.setProcessBusinessKey(year + "-CAB-" + boardNo);
    List<Map<String, String>> options = new ArrayList<>();
    Set<String> people = new LinkedHashSet<>();
    for (Account account : invited) {
      options.add(Map.of("label", account.name() + " (" + account.accountId() + ")", "value", account.accountId()));
      people.add(account.kam());
      if (account.sponsor() != null) {
        people.add(account.sponsor());
      }
    }
    execution.setVariable("year", year);
    execution.setVariable("boardDate", date.toString());
    execution.setVariable("invitedAccounts", Spin.JSON(options));
    people.forEach(user -> notifications.send(user, "Customer advisory board on " + date,
        "The customer advisory board meets on " + date + ". Invited: " + String.join(", ",
            invited.stream().map(Account::name).toList()) + ".\n\nAgenda:\n" + agenda));
  }
}
