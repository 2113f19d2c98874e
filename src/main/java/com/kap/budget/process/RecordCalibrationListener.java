package com.kap.budget.process;

import com.kap.budget.Scorecards;
import com.kap.platform.forms.FormValues;
import com.kap.platform.forms.TaskCompletionListener;
import com.kap.platform.identity.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** When the chair completes "Calibrate scores": an agreed score and the reason for every criterion that spread. */
@Component("recordCalibration")
public class RecordCalibrationListener extends TaskCompletionListener {

  private final Scorecards scorecards;
  private final CurrentUser currentUser;

  public RecordCalibrationListener(Scorecards scorecards, CurrentUser currentUser) {
    this.scorecards = scorecards;
    this.currentUser = currentUser;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    scorecards.calibrate(execution.getProcessBusinessKey(), FormValues.of(execution), currentUser.idOrElse(null));
  }
}
