package com.kap.planning;

import com.kap.forms.TaskCompletionListener;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * When "Draft account plan" completes: refuses malformed values (unknown objective types, bad dates, over-long
 * text, an entry without its required fields) with the field named; the task stays open. Whether the plan is good
 * enough is the quality gate's question, not this one's.
 */
@Component("validatePlanDraft")
public class ValidatePlanDraftListener extends TaskCompletionListener {

  @Override
  protected void completed(DelegateExecution execution) {
    PlanForm.read(execution);
  }
}
