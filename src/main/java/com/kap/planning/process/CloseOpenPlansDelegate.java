package com.kap.planning.process;

import com.kap.planning.CyclePlans;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Close open plans" at the closing date: plans not approved by then end (a Camunda batch deletes them). */
@Component("closeOpenPlans")
public class CloseOpenPlansDelegate implements JavaDelegate {

  private final CyclePlans cyclePlans;

  public CloseOpenPlansDelegate(CyclePlans cyclePlans) {
    this.cyclePlans = cyclePlans;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int year = ((Number) execution.getVariable("year")).intValue();
    cyclePlans.closeOpenPlans(year, "the " + year + " planning cycle passed its closing date");
  }
}
