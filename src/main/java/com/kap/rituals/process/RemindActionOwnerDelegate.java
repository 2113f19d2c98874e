package com.kap.rituals.process;

import com.kap.rituals.FollowUps;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Remind the owner": the action is due in a few days and still open. */
@Component("remindActionOwner")
public class RemindActionOwnerDelegate implements JavaDelegate {

  private final FollowUps followUps;

  public RemindActionOwnerDelegate(FollowUps followUps) {
    this.followUps = followUps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    followUps.remind(execution);
  }
}
