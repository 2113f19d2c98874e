package com.kap.planning.process;

import com.kap.planning.CycleCalendar;
import com.kap.planning.internal.CycleRepository;
import com.kap.platform.forms.DisplayDates;
import com.kap.platform.forms.FormProblems;
import com.kap.platform.forms.FormValues;
import com.kap.platform.forms.InvalidFormData;
import com.kap.platform.identity.CurrentUser;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * "Register cycle", run in the starting transaction: checks the start form on the server, refuses a second cycle
 * for the same year, registers the cycle, makes the year its business key and sets the moments of its timers.
 * A refused start leaves nothing behind.
 */
@Component("registerCycle")
public class RegisterCycleDelegate implements JavaDelegate {

  public static final int FIRST_YEAR = 2000;
  public static final int LAST_YEAR = 2100;

  private final CycleRepository cycles;
  private final CycleCalendar calendar;
  private final CurrentUser currentUser;
  private final Clock clock;

  public RegisterCycleDelegate(CycleRepository cycles, CycleCalendar calendar, CurrentUser currentUser,
      Clock clock) {
    this.cycles = cycles;
    this.calendar = calendar;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormValues values = FormValues.of(execution);
    FormProblems problems = new FormProblems(); // every problem of the start form at once
    LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(calendar.properties().timeZone()).toLocalDate();
    Integer year = problems.check(() -> {
      int asked = values.integer("year", FIRST_YEAR, LAST_YEAR);
      if (cycles.find(asked).isPresent()) {
        throw duplicate(asked);
      }
      return asked;
    }).orElse(null);
    LocalDate planDeadline = problems.check(() -> {
      LocalDate deadline = values.date("planDeadline", true);
      if (deadline.isBefore(today)) {
        throw new InvalidFormData("planDeadline", "must not be in the past, was " + DisplayDates.format(deadline));
      }
      return deadline;
    }).orElse(null);
    LocalDate closingDate = problems.check(() -> {
      LocalDate closing = values.date("closingDate", true);
      if (planDeadline != null && !closing.isAfter(planDeadline)) {
        throw new InvalidFormData("closingDate", "must be after the plan deadline "
            + DisplayDates.format(planDeadline));
      }
      return closing;
    }).orElse(null);
    problems.throwIfAny();
    try {
      cycles.insert(year, execution.getProcessInstanceId(), planDeadline, closingDate, currentUser.idOrElse(null),
          clock.instant());
    } catch (DuplicateKeyException e) {
      throw duplicate(year);
    }
    execution.setProcessBusinessKey(String.valueOf(year));
    execution.setVariable("year", year);
    execution.setVariable("planDeadline", planDeadline.toString());
    execution.setVariable("closingDate", closingDate.toString());
    execution.setVariable("planDeadlineDue", calendar.endOf(planDeadline));
    // with less than a week to go, the plans themselves are the news: no reminder before the deadline's escalation
    Date reminder = calendar.reminderBefore(planDeadline);
    execution.setVariable("reminderDue", reminder.before(ClockUtil.getCurrentTime()) ? calendar.endOf(planDeadline)
        : reminder);
    execution.setVariable("closingDue", calendar.endOf(closingDate));
  }

  private static InvalidFormData duplicate(int year) {
    return new InvalidFormData("year", "a planning cycle for " + year + " has already been started");
  }
}
