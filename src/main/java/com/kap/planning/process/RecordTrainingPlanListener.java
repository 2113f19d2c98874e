package com.kap.planning.process;

import com.kap.planning.PlanningCycles;
import com.kap.planning.RecordTrainingPlan;
import com.kap.platform.forms.FormValues;
import com.kap.platform.forms.TaskCompletionListener;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** When the training coordinator completes "Consolidate training plan": the plan text is required and stored. */
@Component("recordTrainingPlan")
public class RecordTrainingPlanListener extends TaskCompletionListener {

  private final PlanningCycles cycles;

  public RecordTrainingPlanListener(PlanningCycles cycles) {
    this.cycles = cycles;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    String trainingPlan = FormValues.of(execution).text("trainingPlan", true, 20_000);
    cycles.recordTrainingPlan(new RecordTrainingPlan(((Number) execution.getVariable("year")).intValue(),
        trainingPlan));
  }
}
