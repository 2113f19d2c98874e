package com.kap.budget.process;

import com.kap.budget.Scorecards;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * After scoring (and calibration): the bid's benefit, the weighted score the optimiser maximises
 * ({@link Scorecards#computeBenefit}). The round goes on to its allocation once its last bid is scored.
 */
@Component("computeBenefit")
public class ComputeBenefitDelegate implements JavaDelegate {

  public static final String ALL_BIDS_SCORED = "allBidsScored";

  private final Scorecards scorecards;

  public ComputeBenefitDelegate(Scorecards scorecards) {
    this.scorecards = scorecards;
  }

  @Override
  public void execute(DelegateExecution execution) {
    scorecards.computeBenefit(execution.getProcessBusinessKey()).ifPresent(computed -> {
      execution.setVariable("benefit", computed.benefit().doubleValue());
      if (computed.allBidsScored()) {
        execution.getProcessEngineServices().getRuntimeService().createMessageCorrelation(ALL_BIDS_SCORED)
            .processInstanceBusinessKey(computed.roundId()).correlateAllWithResult();
      }
    });
  }
}
