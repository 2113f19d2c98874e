package com.kap.budget.process;

import com.kap.budget.Scorecards;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Start of "Calibrate scores": all members have scored, so the chair sees every score and the criteria to settle. */
@Component("prepareCalibration")
public class PrepareCalibrationListener implements ExecutionListener {

  private final Scorecards scorecards;

  public PrepareCalibrationListener(Scorecards scorecards) {
    this.scorecards = scorecards;
  }

  @Override
  public void notify(DelegateExecution execution) {
    execution.setVariables(scorecards.calibrationView(execution.getProcessBusinessKey()));
  }
}
