package com.kap.planning;

import com.kap.planning.internal.AccountPlanRepository;
import com.kap.planning.internal.CycleRepository;
import com.kap.planning.process.RegisterCycleDelegate;
import com.kap.portfolio.Portfolio;
import java.util.List;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The accounts that get a plan in a cycle (those segmented for its year), in chunks: the cycle's multi-instance
 * runs one job per chunk, not per account, because every job of a process instance loads its whole execution tree
 * and 10,000 parallel executions would make the fan-out quadratic.
 */
@Component("cyclePlans")
public class CyclePlans {

  public static final int PLANS_PER_JOB = 100;

  private final Portfolio cycleSegments;
  private final RuntimeService runtimeService;
  private final CycleRepository cycles;
  private final AccountPlanRepository plans;

  public CyclePlans(Portfolio cycleSegments, RuntimeService runtimeService, CycleRepository cycles,
      AccountPlanRepository plans) {
    this.cycleSegments = cycleSegments;
    this.cycles = cycles;
    this.runtimeService = runtimeService;
    this.plans = plans;
  }

  /**
   * The cycle's year, as KAP registered it: the business key that {@code RegisterCycleDelegate} gave the instance,
   * checked against KAP's table. The diagram reads it here rather than from the variable {@code year}, which is a
   * field of the start form.
   */
  public int year(DelegateExecution execution) {
    String key = execution.getProcessBusinessKey();
    int year;
    try {
      year = Integer.parseInt(key);
    } catch (NumberFormatException | NullPointerException e) {
      throw new IllegalStateException("planning cycle " + execution.getProcessInstanceId() + " has no year as its "
          + "business key: " + key);
    }
    if (cycles.find(year).map(c -> !c.processInstanceId().equals(execution.getProcessInstanceId())).orElse(true)) {
      throw new IllegalStateException("planning cycle " + execution.getProcessInstanceId() + " is not KAP's cycle "
          + year);
    }
    return year;
  }

  /** The fan-out's collection for the cycle of this execution. */
  public List<Integer> chunks(DelegateExecution execution) {
    return chunks(year(execution));
  }

  /** {@link #allApproved(int)} for the cycle of this execution. */
  public boolean allApproved(DelegateExecution execution) {
    return allApproved(year(execution));
  }

  /** The fan-out's collection: 0 … (accounts / 100, rounded up) − 1. */
  public List<Integer> chunks(int year) {
    int accounts = count(year);
    return IntStream.range(0, (accounts + PLANS_PER_JOB - 1) / PLANS_PER_JOB).boxed().toList();
  }

  public List<String> chunk(int year, int index) {
    return cycleSegments.segmentedAccountIds(year, index * PLANS_PER_JOB, PLANS_PER_JOB);
  }

  /**
   * Starts an accountPlan (business key year-accountId) for each account of the chunk that has none yet, so that a
   * retried job starts only what is missing.
   */
  public void startPlans(StartPlanChunk command) {
    int year = command.year();
    for (String accountId : chunk(year, command.chunk())) {
      if (plans.find(year, accountId).isPresent()) {
        continue;
      }
      runtimeService.startProcessInstanceByKey("accountPlan", year + "-" + accountId, Variables.createVariables()
          .putValue("year", year)
          .putValue("accountId", accountId)
          .putValue("planDeadline", command.planDeadline())
          .putValue("planDeadlineDue", command.planDeadlineDue())
          .putValue("reminderDue", command.reminderDue()));
    }
  }

  public int count(int year) {
    return cycleSegments.segmentCount(year);
  }

  /**
   * Whether every plan of the year is approved already, read under a lock on the cycle's row: an approval that
   * commits later waits for this transaction, and by then the cycle listens for its message.
   */
  public boolean allApproved(int year) {
    return cycles.lockApprovalCount(year) == count(year);
  }

  /** Deletes the year's running plans in the background (Camunda batch), e.g. at the closing date. */
  public void closeOpenPlans(int year, String reason) {
    if (runtimeService.createProcessInstanceQuery().processDefinitionKey("accountPlan")
        .processInstanceBusinessKeyLike(year + "-%").count() > 0) {
      runtimeService.deleteProcessInstancesAsync(runtimeService.createProcessInstanceQuery()
          .processDefinitionKey("accountPlan").processInstanceBusinessKeyLike(year + "-%"), reason);
    }
  }
}
