package com.kap.rituals.process;

import com.kap.platform.forms.FormValues;
import com.kap.rituals.PlanAdvisoryBoard;
import com.kap.rituals.PlannedAdvisoryBoard;
import com.kap.rituals.Rituals;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.Spin;
import org.springframework.stereotype.Component;

/**
 * First step of a customer advisory board: checks the programme director's date and agenda, invites the year's
 * Strategic accounts (their KAMs and sponsors are told) and registers the board.
 */
@Component("planAdvisoryBoard")
public class PlanAdvisoryBoardDelegate implements JavaDelegate {

  private final Rituals rituals;

  public PlanAdvisoryBoardDelegate(Rituals rituals) {
    this.rituals = rituals;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PlannedAdvisoryBoard board = rituals.planAdvisoryBoard(new PlanAdvisoryBoard(FormValues.of(execution),
        execution.getProcessInstanceId()));
    execution.setProcessBusinessKey(board.year() + "-CAB-" + board.boardNo());
    execution.setVariable("year", board.year());
    execution.setVariable("boardDate", board.date().toString());
    execution.setVariable("invitedAccounts", Spin.JSON(board.invitedAccounts()));
  }
}
