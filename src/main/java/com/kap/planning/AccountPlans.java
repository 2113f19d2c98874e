package com.kap.planning;

import com.kap.planning.internal.AccountPlanRepository;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** The account plans as the other modules see them: the budget asks here whether an account's plan is approved. */
@Service
public class AccountPlans {

  private final AccountPlanRepository plans;

  public AccountPlans(AccountPlanRepository plans) {
    this.plans = plans;
  }

  /** The account's plan of the cycle year, if there is one. */
  public Optional<AccountPlan> plan(int year, String accountId) {
    return plans.find(year, accountId);
  }

  /** The cycle year's plans. */
  public List<AccountPlan> plans(int year) {
    return plans.findByYear(year);
  }
}
