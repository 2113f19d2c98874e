package com.kap.rituals.process;

import com.kap.planning.PlanFacts.PlanKey;
import com.kap.portfolio.Account;
import com.kap.portfolio.CycleSegment;
import com.kap.portfolio.Portfolio;
import com.kap.portfolio.SegmentScorer;
import com.kap.rituals.internal.RitualFacts;
import com.kap.rituals.internal.RitualPlanRepository;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Start of a ritual plan: registers it with the account's segment of the year. */
@Component("registerRitualPlan")
public class RegisterRitualPlanListener implements ExecutionListener {

  private final RitualFacts facts;
  private final RitualPlanRepository plans;
  private final Portfolio segments;
  private final SegmentScorer scorer;
  private final Clock clock;

  public RegisterRitualPlanListener(RitualFacts facts, RitualPlanRepository plans, Portfolio segments,
      SegmentScorer scorer, Clock clock) {
    this.facts = facts;
    this.plans = plans;
    this.segments = segments;
    this.scorer = scorer;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    PlanKey key = PlanKey.of(execution);
    Account account = facts.account(execution);
    String segment = segments.segment(key.year(), key.accountId()).map(CycleSegment::segment)
        .orElseGet(() -> scorer.score(account.scores()).segment()).label();
    plans.insert(key.year(), key.accountId(), segment, execution.getProcessInstanceId(), clock.instant());
    execution.setVariable("year", key.year());
    execution.setVariable("accountName", account.name());
    execution.setVariable("segment", segment);
  }
}
