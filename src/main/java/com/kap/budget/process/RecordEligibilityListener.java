package com.kap.budget.process;

import com.kap.budget.Bids;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Stores what bidEligibility decided; the KAM of an ineligible bid is told why ({@link Bids#recordEligibility}). */
@Component("recordEligibility")
public class RecordEligibilityListener implements ExecutionListener {

  private final Bids bids;

  public RecordEligibilityListener(Bids bids) {
    this.bids = bids;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void notify(DelegateExecution execution) {
    execution.setVariable("bidEligible", bids.recordEligibility(execution.getProcessBusinessKey(),
        (Map<String, Object>) execution.getVariable("eligibility")));
  }
}
