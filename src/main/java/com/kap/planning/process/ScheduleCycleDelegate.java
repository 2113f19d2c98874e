package com.kap.planning.process;

import com.kap.planning.CycleCalendar;
import com.kap.planning.CycleProperties;
import com.kap.planning.internal.CycleRepository;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * "Schedule next year's cycle", after the yearly timer: the cycle is for next year, with the configured plan
 * deadline and closing date. When the programme director already started that year by hand, the scheduled start
 * simply ends.
 */
@Component("scheduleCycle")
public class ScheduleCycleDelegate implements JavaDelegate {

  private final CycleRepository cycles;
  private final CycleCalendar calendar;

  public ScheduleCycleDelegate(CycleRepository cycles, CycleCalendar calendar) {
    this.cycles = cycles;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CycleProperties.Schedule schedule = calendar.properties().schedule();
    LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(calendar.properties().timeZone()).toLocalDate();
    int year = today.getYear() + 1;
    execution.setVariable("year", year);
    execution.setVariable("planDeadline", schedule.planDeadline().atYear(year - 1).toString());
    execution.setVariable("closingDate", schedule.closingDate().atYear(year).toString());
    execution.setVariable("cycleAlreadyStarted", cycles.find(year).isPresent());
  }
}
