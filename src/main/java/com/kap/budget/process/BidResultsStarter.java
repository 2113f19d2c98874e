package com.kap.budget.process;

import com.kap.budget.BidResults;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Starts the results process of a funded bid (business key = bid id), once: when the round's allocation is
 * published and when an appeal is upheld. A retried job finds the instance and starts no second one.
 */
@Component
public class BidResultsStarter {

  public void start(RuntimeService runtime, String bidId) {
    if (runtime.createProcessInstanceQuery().processDefinitionKey(BidResults.PROCESS)
        .processInstanceBusinessKey(bidId).count() == 0) {
      runtime.startProcessInstanceByKey(BidResults.PROCESS, bidId);
    }
  }
}
