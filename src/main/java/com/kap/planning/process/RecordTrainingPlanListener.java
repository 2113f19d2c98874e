package com.kap.planning.process;

import com.kap.planning.internal.CycleRepository;
import com.kap.platform.forms.FormValues;
import com.kap.platform.forms.TaskCompletionListener;
import com.kap.platform.identity.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** When the training coordinator completes "Consolidate training plan": the plan text is required and stored. */
@Component("recordTrainingPlan")
public class RecordTrainingPlanListener extends TaskCompletionListener {

  private final CycleRepository cycles;
  private final CurrentUser currentUser;

  public RecordTrainingPlanListener(CycleRepository cycles, CurrentUser currentUser) {
    this.cycles = cycles;
    this.currentUser = currentUser;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    String trainingPlan = FormValues.of(execution).text("trainingPlan", true, 20_000);
    cycles.saveTrainingPlan(((Number) execution.getVariable("year")).intValue(), trainingPlan,
        currentUser.idOrElse(null));
  }
}
