package com.kap.budget.process;

import com.kap.budget.internal.Bid;
import com.kap.budget.internal.BidFacts;
import com.kap.budget.internal.BudgetRound;
import com.kap.planning.AccountPlan;
import com.kap.planning.AccountPlans;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Gives the bidEligibility table its inputs, from KAP's tables: plan status, segment, category, financials. */
@Component("bidEligibilityInputs")
public class EligibilityInputsListener implements ExecutionListener {

  private final BidFacts facts;
  private final AccountPlans plans;

  public EligibilityInputsListener(BidFacts facts, AccountPlans plans) {
    this.facts = facts;
    this.plans = plans;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Bid bid = facts.bid(execution);
    BudgetRound round = facts.round(bid);
    boolean approved = plans.plan(round.planYear(), bid.accountId())
        .map(p -> p.status() == AccountPlan.Status.APPROVED).orElse(false);
    execution.setVariable("planApproved", approved);
    execution.setVariable("segment", facts.segment(bid, round).label());
    execution.setVariable("category", bid.content().category());
    execution.setVariable("financialsComplete", bid.content().financialsComplete());
  }
}
