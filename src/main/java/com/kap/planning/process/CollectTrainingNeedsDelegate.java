package com.kap.planning.process;

import com.kap.planning.PlanForm;
import com.kap.planning.PlanningCycles;
import com.kap.planning.TrainingNeeds;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Collect training needs" at the cycle's close: every need of the latest plan version of each account, grouped by
 * who needs it (KAM, team, sponsor, senior management), for the training coordinator's form.
 */
@Component("collectTrainingNeeds")
public class CollectTrainingNeedsDelegate implements JavaDelegate {

  private final PlanningCycles cycles;

  public CollectTrainingNeedsDelegate(PlanningCycles cycles) {
    this.cycles = cycles;
  }

  @Override
  public void execute(DelegateExecution execution) {
    TrainingNeeds needs = cycles.trainingNeeds(((Number) execution.getVariable("year")).intValue());
    execution.setVariable("trainingNeedCount", needs.count());
    needs.byAudience().forEach((audience, ofAudience) -> {
      String variable = "trainingNeeds" + Character.toUpperCase(audience.charAt(0)) + audience.substring(1);
      execution.setVariable(variable, PlanForm.json(ofAudience));
      execution.setVariable(variable + "Count", ofAudience.size());
    });
  }
}
