package com.kap.rituals.process;

import com.kap.planning.PlanFacts.PlanKey;
import com.kap.platform.forms.FormValues;
import com.kap.platform.forms.TaskCompletionListener;
import com.kap.rituals.DecideRitualCalendar;
import com.kap.rituals.RitualCalendarView;
import com.kap.rituals.Rituals;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** When the programme director completes "Validate ritual calendar": validated, or back to the KAM with comments. */
@Component("decideRitualCalendar")
public class DecideRitualCalendarListener extends TaskCompletionListener {

  private final Rituals rituals;

  public DecideRitualCalendarListener(Rituals rituals) {
    this.rituals = rituals;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    FormValues values = FormValues.of(execution);
    boolean validated = "validate".equals(values.choice("calendarDecision", List.of("validate", "sendBack"), true));
    String comments = values.text("calendarComments", false, 4000);
    Optional<RitualCalendarView> sentBack = rituals.decide(new DecideRitualCalendar(PlanKey.of(execution), validated,
        comments));
    execution.setVariable("calendarValidated", validated);
    // the next round of validation starts with an empty decision
    execution.removeVariable("calendarDecision");
    execution.removeVariable("calendarComments");
    sentBack.ifPresent(calendar -> calendar.show(execution));
  }
}
