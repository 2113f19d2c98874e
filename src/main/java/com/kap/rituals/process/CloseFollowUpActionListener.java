package com.kap.rituals.process;

import com.kap.platform.forms.FormValues;
import com.kap.platform.forms.TaskCompletionListener;
import com.kap.rituals.FollowUps;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** When the assignee completes "Follow up action": done (a note optional) or dropped (with the reason). */
@Component("closeFollowUpAction")
public class CloseFollowUpActionListener extends TaskCompletionListener {

  private final FollowUps followUps;

  public CloseFollowUpActionListener(FollowUps followUps) {
    this.followUps = followUps;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    followUps.close(execution, FormValues.of(execution));
  }
}
