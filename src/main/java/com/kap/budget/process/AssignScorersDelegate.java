package com.kap.budget.process;

import com.kap.budget.Scorecards;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Before scoring: a committee member who sponsors the bid's account is recused (no "Score bid" task), and the
 * recusal is recorded. The scoring form's summary of the bid is prepared ({@link Scorecards#assignScorers}).
 */
@Component("assignScorers")
public class AssignScorersDelegate implements JavaDelegate {

  private final Scorecards scorecards;

  public AssignScorersDelegate(Scorecards scorecards) {
    this.scorecards = scorecards;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariables(scorecards.assignScorers(execution.getProcessBusinessKey()));
  }
}
