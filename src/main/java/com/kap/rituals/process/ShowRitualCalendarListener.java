package com.kap.rituals.process;

import com.kap.platform.i18n.Texts;
import com.kap.platform.i18n.UserLocales;
import com.kap.rituals.RitualCalendarView;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Propose ritual calendar", created or given to someone: the days the rituals may fall on ({@code windowText}) in
 * the language of the task's assignee (the installation's when it has none), from the days the proposal kept.
 */
@Component("showRitualCalendar")
public class ShowRitualCalendarListener implements TaskListener {

  private final UserLocales locales;
  private final Texts texts;

  public ShowRitualCalendarListener(UserLocales locales, Texts texts) {
    this.locales = locales;
    this.texts = texts;
  }

  @Override
  public void notify(DelegateTask task) {
    if (task.getVariable(RitualCalendarView.WINDOW_FROM) instanceof String from
        && task.getVariable(RitualCalendarView.WINDOW_UNTIL) instanceof String until) {
      task.setVariableLocal("windowText", RitualCalendarView.windowText(texts, locales.of(task.getAssignee()),
          LocalDate.parse(from), LocalDate.parse(until)));
    }
  }
}
