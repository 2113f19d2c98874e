package com.kap.planning.process;

import com.kap.planning.CyclePlans;
import com.kap.planning.StartPlanChunk;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Start account plans", one job per chunk of 100 accounts: starts an accountPlan (business key year-accountId) for
 * each account of the chunk that has none yet, so a retried job starts only what is missing.
 */
@Component("startPlanChunk")
public class StartPlanChunkDelegate implements JavaDelegate {

  private final CyclePlans cyclePlans;

  public StartPlanChunkDelegate(CyclePlans cyclePlans) {
    this.cyclePlans = cyclePlans;
  }

  @Override
  public void execute(DelegateExecution execution) {
    cyclePlans.startPlans(new StartPlanChunk(((Number) execution.getVariable("year")).intValue(),
        ((Number) execution.getVariable("planChunk")).intValue(), (String) execution.getVariable("planDeadline"),
        (Date) execution.getVariable("planDeadlineDue"), (Date) execution.getVariable("reminderDue")));
  }
}
