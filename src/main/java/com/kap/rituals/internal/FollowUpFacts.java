package com.kap.rituals.internal;

import com.kap.planning.CycleCalendar;
import com.kap.rituals.FollowUpAction;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What a followUpAction process's routing depends on, read from KAP's table by the process's business key
 * ({@code action-<actionNo>}, which no task submission can change): whose task it is, when it is due, when the
 * reminder goes and when the programme director hears of it.
 */
@Component("followUpFacts")
public class FollowUpFacts {

  public static final String BUSINESS_KEY_PREFIX = "action-";

  private final FollowUpRepository actions;
  private final CycleCalendar calendar;

  public FollowUpFacts(FollowUpRepository actions, CycleCalendar calendar) {
    this.actions = actions;
    this.calendar = calendar;
  }

  public static String businessKey(long actionNo) {
    return BUSINESS_KEY_PREFIX + actionNo;
  }

  public FollowUpAction action(DelegateExecution execution) {
    String key = execution.getProcessBusinessKey();
    if (key == null || !key.startsWith(BUSINESS_KEY_PREFIX)) {
      throw new IllegalStateException("a followUpAction needs the business key action-<number>, was " + key);
    }
    long actionNo = Long.parseLong(key.substring(BUSINESS_KEY_PREFIX.length()));
    return actions.find(actionNo).orElseThrow(() -> new IllegalStateException("no action " + actionNo));
  }

  /** Assignee of "Follow up action": the owner when a KAP user, else the account's KAM. */
  public String assignee(DelegateExecution execution) {
    return action(execution).assignee();
  }

  /** The task is due at the end of the action's due date. */
  public Date due(DelegateExecution execution) {
    return calendar.endOf(action(execution).dueDate());
  }

  /** The reminder goes as the plan's does: the configured days before the due date. */
  public Date reminderAt(DelegateExecution execution) {
    return calendar.reminderBefore(action(execution).dueDate());
  }
}
