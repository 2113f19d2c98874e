package com.kap.planning;

import com.kap.planning.internal.AccountPlanRepository;
import com.kap.platform.identity.Roles;
import com.kap.portfolio.Account;
import com.kap.portfolio.Portfolio;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What an account plan's routing depends on, read from KAP's tables by the plan's business key ({@code year-accountId},
 * which no task submission can change) instead of from process variables, which any task submission can overwrite.
 * Used by the delegates and, as {@code planFacts}, by accountPlan's assignments and gateway.
 */
@Component("planFacts")
public class PlanFacts {

  private final AccountPlanRepository plans;
  private final Portfolio accounts;

  public PlanFacts(AccountPlanRepository plans, Portfolio accounts) {
    this.plans = plans;
    this.accounts = accounts;
  }

  /**
   * Year and account of an account plan process, from its business key; a ritual plan inherits the key of the
   * account plan that starts it.
   */
  public record PlanKey(int year, String accountId) {
    public static PlanKey of(DelegateExecution execution) {
      String key = execution.getProcessBusinessKey();
      int dash = key == null ? -1 : key.indexOf('-');
      if (dash < 0) {
        throw new IllegalStateException("an account or ritual plan needs the business key year-accountId, was "
            + key);
      }
      return new PlanKey(Integer.parseInt(key.substring(0, dash)), key.substring(dash + 1));
    }
  }

  public AccountPlan plan(DelegateExecution execution) {
    return plan(PlanKey.of(execution));
  }

  public AccountPlan plan(PlanKey key) {
    return plans.find(key.year(), key.accountId())
        .orElseThrow(() -> new IllegalStateException("no plan registered for " + key));
  }

  public Account account(DelegateExecution execution) {
    return account(PlanKey.of(execution));
  }

  public Account account(PlanKey key) {
    String accountId = key.accountId();
    return accounts.account(accountId).orElseThrow(() -> new IllegalStateException("no account " + accountId));
  }

  /** Assignee of "Draft account plan". */
  public String kam(DelegateExecution execution) {
    return plan(execution).kam();
  }

  /** Assignee of "Review plan as sponsor": the account's sponsor, or nobody when it has none. */
  public String sponsor(DelegateExecution execution) {
    return account(execution).sponsor();
  }

  /** Candidate group of "Review plan as sponsor": executive sponsors only when the account has no sponsor. */
  public List<String> sponsorCandidateGroups(DelegateExecution execution) {
    return sponsor(execution) == null ? List.of(Roles.EXECUTIVE_SPONSOR) : List.of();
  }

  public boolean sponsorReviewRequired(DelegateExecution execution) {
    return Boolean.TRUE.equals(plan(execution).sponsorRequired());
  }

  public PlanDepth planDepth(AccountPlan plan) {
    String depth = plan.planDepth();
    return PlanDepth.byKey(depth).orElseThrow(() -> new IllegalStateException("unknown plan depth " + depth));
  }
}
