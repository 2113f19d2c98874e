package com.kap.planning;

import com.kap.planning.internal.AccountPlanRepository;
import com.kap.planning.internal.CycleRepository;
import com.kap.planning.process.RegisterCycleDelegate;
import com.kap.portfolio.Portfolio;
import java.time.Clock;
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

  /** The message the cycle waits for while its plans are drafted and approved. */
  public static final String ALL_PLANS_APPROVED = "allPlansApproved";

  private final Portfolio cycleSegments;
  private final RuntimeService runtimeService;
  private final CycleRepository cycles;
  private final AccountPlanRepository plans;
  private final Clock clock;

  public CyclePlans(Portfolio cycleSegments, RuntimeService runtimeService, CycleRepository cycles,
      AccountPlanRepository plans, Clock clock) {
    this.cycleSegments = cycleSegments;
    this.cycles = cycles;
    this.runtimeService = runtimeService;
    this.plans = plans;
    this.clock = clock;
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
   * Whether every plan of the year is approved already, asked by the cycle before it waits for the message
   * {@value #ALL_PLANS_APPROVED}. It holds the cycle's row while it counts, so that {@link #planApproved(int)}, if it
   * finds the last approval meanwhile, waits until the cycle listens for the message.
   */
  public boolean allApproved(int year) {
    cycles.lock(year);
    if (plans.countApproved(year) < count(year)) {
      return false;
    }
    cycles.markAllPlansApproved(year, clock.instant());
    return true;
  }

  /**
   * After a plan's approval has committed (the account plan's next step runs as a job of its own): when that was the
   * year's last plan, the cycle goes on to its training plan, exactly once. Approvals do not wait for each other:
   * only the step that finds every plan approved takes the cycle's row, to note it. While any plan is open, one index
   * seek says so; the year's plans are counted only when none is.
   */
  public void planApproved(int year) {
    if (!plans.anyOpen(year) && plans.countApproved(year) == count(year)
        && cycles.markAllPlansApproved(year, clock.instant())) {
      runtimeService.createMessageCorrelation(ALL_PLANS_APPROVED).processInstanceBusinessKey(String.valueOf(year))
          .correlateAllWithResult();
    }
  }

  /**
   * Closes the year's plans not approved yet: their records say so (status CLOSED, no longer open or overdue), and
   * their running processes are deleted in the background (Camunda batch), e.g. at the closing date.
   */
  public void closeOpenPlans(int year, String reason) {
    plans.closeOpen(year);
    if (runtimeService.createProcessInstanceQuery().processDefinitionKey("accountPlan")
        .processInstanceBusinessKeyLike(year + "-%").count() > 0) {
      runtimeService.deleteProcessInstancesAsync(runtimeService.createProcessInstanceQuery()
          .processDefinitionKey("accountPlan").processInstanceBusinessKeyLike(year + "-%"), reason);
    }
  }
}
