package com.kap.budget.process;

import com.kap.budget.BidResults;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Start of "Report bid results": what the form shows of the bid and its promise ({@link BidResults#reportView}). */
@Component("showBidResult")
public class ShowBidResultListener implements ExecutionListener {

  private final BidResults results;

  public ShowBidResultListener(BidResults results) {
    this.results = results;
  }

  @Override
  public void notify(DelegateExecution execution) {
    execution.setVariables(results.reportView(execution.getProcessBusinessKey()));
  }
}
