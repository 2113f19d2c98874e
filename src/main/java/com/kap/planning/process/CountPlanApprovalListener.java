package com.kap.planning.process;

import com.kap.planning.CyclePlans;
import com.kap.planning.PlanFacts;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The approved plan's next step ("Start ritual plan") runs as a job after the approval has committed; it first tells
 * the cycle that one more plan is approved, and the last one moves the cycle on.
 */
@Component("countPlanApproval")
public class CountPlanApprovalListener implements ExecutionListener {

  private final PlanFacts facts;
  private final CyclePlans cyclePlans;

  public CountPlanApprovalListener(PlanFacts facts, CyclePlans cyclePlans) {
    this.facts = facts;
    this.cyclePlans = cyclePlans;
  }

  @Override
  public void notify(DelegateExecution execution) {
    cyclePlans.planApproved(facts.plan(execution).year());
  }
}
