package com.kap.planning.process;

import com.kap.planning.PlanFacts;
import com.kap.planning.PlanForm;
import com.kap.platform.forms.TaskCompletionListener;
import com.kap.portfolio.AccountTeam;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * When "Draft account plan" completes: refuses malformed values (unknown objective types, bad dates, over-long
 * text, an entry without its required fields, an action owner outside the account's team), every one named at once;
 * the task stays open. Whether the plan is good enough is the quality gate's question, not this one's.
 */
@Component("validatePlanDraft")
public class ValidatePlanDraftListener extends TaskCompletionListener {

  private final PlanFacts facts;
  private final AccountTeam team;

  public ValidatePlanDraftListener(PlanFacts facts, AccountTeam team) {
    this.facts = facts;
    this.team = team;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    PlanForm.read(execution, team.members(facts.account(execution)));
  }
}
