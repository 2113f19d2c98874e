package com.kap.rituals.internal;

import com.kap.planning.CycleCalendar;
import java.sql.Date;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The advisory board's day and grace period, from its row (not from variables a submission could change). */
@Component("boardFacts")
public class AdvisoryBoardFacts {

  private final AdvisoryBoardRepository boards;
  private final CycleCalendar calendar;
  private final RitualProperties properties;

  public AdvisoryBoardFacts(AdvisoryBoardRepository boards, CycleCalendar calendar, RitualProperties properties) {
    this.boards = boards;
    this.calendar = calendar;
    this.properties = properties;
  }

  public LocalDate plannedDate(DelegateExecution execution) {
    return ((Date) boards.findByProcessInstance(execution.getProcessInstanceId()).get("PLANNED_DATE")).toLocalDate();
  }

  public java.util.Date dueAt(DelegateExecution execution) {
    return java.util.Date.from(plannedDate(execution).atTime(properties.dueTime())
        .atZone(calendar.properties().timeZone()).toInstant());
  }

  public java.util.Date endOfDay(DelegateExecution execution) {
    return calendar.endOf(plannedDate(execution));
  }

  public java.util.Date graceEnd(DelegateExecution execution) {
    return calendar.endOf(plannedDate(execution).plus(properties.gracePeriod()));
  }
}
