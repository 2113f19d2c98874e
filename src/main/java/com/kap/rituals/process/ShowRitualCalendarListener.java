package com.kap.rituals.process;

import com.kap.planning.PlanFacts.PlanKey;
import com.kap.platform.forms.ShownVariables;
import com.kap.platform.i18n.Texts;
import com.kap.platform.identity.TaskReaders;
import com.kap.rituals.RitualCalendarView;
import com.kap.rituals.Rituals;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Propose ritual calendar" and "Validate ritual calendar", created or given to someone: what the form shows in the
 * language of whoever the task is for ({@link TaskReaders}: the KAM the proposal is assigned to; the programme
 * director who holds the validation, else the language the programme directors share, else the installation's).
 * The proposal: the days the rituals may fall on, the cadence table, the ritual types and the rows' names; the
 * validation: the cadence table, the shortfall and the proposed rows.
 */
@Component("showRitualCalendar")
public class ShowRitualCalendarListener implements TaskListener {

  static final String VALIDATE = "validateRitualCalendar";

  private final Rituals rituals;
  private final TaskReaders readers;
  private final Texts texts;

  public ShowRitualCalendarListener(Rituals rituals, TaskReaders readers, Texts texts) {
    this.rituals = rituals;
    this.readers = readers;
    this.texts = texts;
  }

  @Override
  public void notify(DelegateTask task) {
    Locale reader = readers.of(task);
    if (ShownVariables.alreadyShown(task, reader)) {
      return;
    }
    RitualCalendarView view = rituals.calendarView(PlanKey.of(task.getExecution()), reader);
    if (VALIDATE.equals(task.getTaskDefinitionKey())) {
      view.showToValidator(task, reader);
    } else {
      view.showToProposer(task, texts, reader);
    }
  }
}
