package com.kap.budget.process;

import com.kap.budget.internal.AppealRepository;
import com.kap.budget.internal.Bid;
import com.kap.budget.internal.BidDisplay;
import com.kap.budget.internal.BidFacts;
import com.kap.budget.internal.BidScores;
import com.kap.budget.internal.BudgetDates;
import com.kap.budget.internal.BudgetRoundRepository;
import com.kap.budget.internal.Calibration;
import com.kap.budget.internal.ScoreRepository;
import com.kap.budget.internal.Scorecard;
import com.kap.planning.CycleCalendar;
import com.kap.platform.forms.ShownText;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start of "Consider appeal" and "Review appeal": the decision, the reason and the scorecards (published now), and,
 * for the reviewer, the grounds and the reserve left.
 */
@Component("showOutcome")
public class ShowOutcomeListener implements ExecutionListener {

  private final BidFacts facts;
  private final ScoreRepository scores;
  private final AppealRepository appeals;
  private final BudgetRoundRepository rounds;
  private final CycleCalendar calendar;

  public ShowOutcomeListener(BidFacts facts, ScoreRepository scores, AppealRepository appeals,
      BudgetRoundRepository rounds, CycleCalendar calendar) {
    this.facts = facts;
    this.scores = scores;
    this.appeals = appeals;
    this.rounds = rounds;
    this.calendar = calendar;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Bid bid = facts.bid(execution);
    List<Calibration> calibrations = scores.calibrations(bid.bidNo());
    BidScores all = BidScores.of(scores.scorecards(bid.bidNo()), calibrations);
    StringBuilder text = new StringBuilder()
        .append("**Decision:** not funded — ").append(ShownText.markdown(bid.statusReason())).append("\n\n")
        .append(rounds.decisionNote(bid.roundNo()).map(note -> "**The committee's note:** " + ShownText.markdown(note) + "\n\n").orElse(""))
        .append("**Benefit** ").append(bid.benefit() == null ? "—" : bid.benefit().toPlainString())
        .append(" of 100 · **cost** ").append(BidDisplay.amount(bid.content().cost())).append("\n\n")
        .append("**Scorecards:**\n\n");
    for (Scorecard card : all.cards()) {
      text.append("- ").append(card.member()).append(": ").append(card.scores().entrySet().stream()
          .map(e -> e.getKey().label() + " " + e.getValue()).collect(Collectors.joining(", ")))
          .append(" — ").append(ShownText.markdown(card.comment())).append('\n');
    }
    calibrations.forEach(c -> text.append("- calibrated ").append(c.criterion().label())
        .append(": ").append(c.score().toPlainString()).append(" — ").append(ShownText.markdown(c.reason())).append('\n'));
    execution.setVariable("outcomeText", text.toString());
    Optional<AppealRepository.Appeal> appeal = appeals.find(bid.bidNo());
    if (appeal.isEmpty()) {
      execution.setVariable("appealDeadline", BudgetDates.endOfDay(facts.appealDeadline(execution).toInstant(),
          calendar.properties().timeZone()));
    }
    appeal.ifPresent(filed -> execution.setVariable("appealText", text
        + "\n**Grounds of the appeal:** " + ShownText.markdown(filed.grounds()) + "\n\n**Reserve left in the round:** "
        + BidDisplay.amount(facts.round(bid).reserveLeft())));
  }
}
