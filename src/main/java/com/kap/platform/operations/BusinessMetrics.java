package com.kap.platform.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * KAP's own counters, counted where KAP records the fact and only once the engine's transaction has committed: a
 * decision that is rolled back (refused form, optimistic locking) counts nothing. Counters rather than gauges over
 * KAP's tables because the questions are rates ("approvals this week", "misses per month": Prometheus' increase()),
 * and a scrape then costs no query; like every Prometheus counter they start at 0 on each node's start.
 */
@Component
public class BusinessMetrics {

  private final Counter plansApproved;
  private final Counter bidsScored;
  private final Counter ritualsMissed;
  private final Counter advisoryBoardsMissed;

  public BusinessMetrics(MeterRegistry registry) {
    plansApproved = Counter.builder("kap.plans.approved")
        .description("Account plans approved by the programme director").register(registry);
    bidsScored = Counter.builder("kap.bids.scored")
        .description("Scorecards members of the steering committee recorded for investment bids").register(registry);
    ritualsMissed = Counter.builder("kap.rituals.missed")
        .description("Ritual occurrences not recorded within their grace period").register(registry);
    advisoryBoardsMissed = Counter.builder("kap.advisory.boards.missed")
        .description("Customer advisory boards not recorded within their grace period").register(registry);
  }

  public void planApproved() {
    afterCommit(plansApproved);
  }

  public void bidScored() {
    afterCommit(bidsScored);
  }

  public void ritualMissed() {
    afterCommit(ritualsMissed);
  }

  public void advisoryBoardMissed() {
    afterCommit(advisoryBoardsMissed);
  }

  private static void afterCommit(Counter counter) {
    CommandContext command = Context.getCommandContext();
    if (command == null) {
      counter.increment();
    } else {
      command.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, committed ->
          counter.increment());
    }
  }
}
