package com.kap.rituals.process;

import com.kap.platform.forms.DisplayDates;
import com.kap.portfolio.AccountTeam;
import com.kap.portfolio.Portfolio;
import com.kap.rituals.Occurrence;
import com.kap.rituals.internal.RitualFacts;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.Spin;
import org.springframework.stereotype.Component;

/** Creation of "Hold ritual" and "Follow up missed ritual": what the form shows, as task variables. */
@Component("showOccurrence")
public class ShowOccurrenceListener implements TaskListener {

  private final RitualFacts facts;
  private final Portfolio accounts;
  private final AccountTeam team;

  public ShowOccurrenceListener(RitualFacts facts, Portfolio accounts, AccountTeam team) {
    this.facts = facts;
    this.accounts = accounts;
    this.team = team;
  }

  @Override
  public void notify(DelegateTask task) {
    Occurrence occurrence = facts.occurrenceOf(task.getExecution());
    task.setVariableLocal("ritualLabel", occurrence.type().label());
    task.setVariableLocal("plannedDate", occurrence.plannedDate().toString());
    task.setVariableLocal("plannedDateText", DisplayDates.format(occurrence.plannedDate()));
    // a form field's pre-fill goes where the field is declared (the occurrence's branch), not onto the task: a
    // task-local variable would keep what Tasklist submits from the listener that records the ritual
    task.getExecution().setVariable("heldDate", occurrence.plannedDate().toString());
    task.setVariableLocal("external", occurrence.customerParticipants() != null);
    task.setVariableLocal("customerParticipants", occurrence.customerParticipants());
    accounts.account(occurrence.accountId()).ifPresent(account -> task.setVariableLocal("ownerOptions",
        Spin.JSON(team.options(account))));
    task.setVariableLocal("accountName", accounts.account(occurrence.accountId()).map(a -> a.name())
        .orElse(occurrence.accountId()));
  }
}
