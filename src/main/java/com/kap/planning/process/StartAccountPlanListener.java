package com.kap.planning.process;

import com.kap.planning.AccountPlan;
import com.kap.planning.internal.AccountPlanRepository;
import com.kap.planning.internal.PlanForm;
import com.kap.portfolio.Account;
import com.kap.portfolio.CycleSegment;
import com.kap.portfolio.Portfolio;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * When an account plan starts: registers it (the primary key on year and account refuses a second plan, so a
 * retried fan-out job rolls back instead of duplicating), gives the process what its tasks and filters show,
 * and pre-fills the draft with last year's approved plan.
 */
@Component("startAccountPlan")
public class StartAccountPlanListener implements ExecutionListener {

  private final Portfolio accounts;
  private final AccountPlanRepository plans;
  private final Clock clock;

  public StartAccountPlanListener(Portfolio accounts, AccountPlanRepository plans, Clock clock) {
    this.accounts = accounts;
    this.plans = plans;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    int year = ((Number) execution.getVariable("year")).intValue();
    String accountId = (String) execution.getVariable("accountId");
    Account account = accounts.account(accountId)
        .orElseThrow(() -> new IllegalStateException("no account '" + accountId + "'"));
    CycleSegment segment = accounts.segment(year, accountId)
        .orElseThrow(() -> new IllegalStateException(accountId + " was not segmented for " + year));
    plans.insert(new AccountPlan(year, accountId, execution.getProcessInstanceId(), account.kam(),
        segment.segment().label(), AccountPlan.Status.DRAFTING, clock.instant(), null, null));

    execution.setVariable("accountName", account.name());
    execution.setVariable("kam", account.kam());
    execution.setVariable("sponsor", account.sponsor());
    execution.setVariable("segment", segment.segment().label());
    plans.approvedContent(year - 1, accountId).ifPresentOrElse(
        last -> {
          PlanForm.write(last, execution);
          execution.setVariable("prefilledFrom", year - 1);
        },
        () -> PlanForm.writeEmptyLists(execution));
  }
}
