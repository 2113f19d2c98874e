package com.kap.budget.internal;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What a budget round's routing depends on, read from KAP's tables by the round's business key: task
 * submissions can overwrite process variables, not these. Used by budgetRound's timer, gateway and assignments.
 */
@Component("roundFacts")
public class RoundFacts {

  private final BudgetRoundRepository rounds;

  public RoundFacts(BudgetRoundRepository rounds) {
    this.rounds = rounds;
  }

  public BudgetRound round(DelegateExecution execution) {
    return round(execution.getProcessBusinessKey());
  }

  /** The round by its business key. */
  public BudgetRound round(String key) {
    long roundNo = BudgetIds.roundNo(key)
        .orElseThrow(() -> new IllegalStateException("a budget round needs the business key R-<n>, was " + key));
    return rounds.find(roundNo).orElseThrow(() -> new IllegalStateException("no budget round " + key));
  }

  public Date callDeadline(DelegateExecution execution) {
    return Date.from(round(execution).callDeadline());
  }

  /** Assignee of "Decide allocation". */
  public String chair(DelegateExecution execution) {
    return round(execution).chair();
  }

  /** Whether every eligible bid is scored already; locks the round's row, so no last score slips by unseen. */
  public boolean allScored(DelegateExecution execution) {
    return rounds.lockAllScored(round(execution).roundNo());
  }
}
