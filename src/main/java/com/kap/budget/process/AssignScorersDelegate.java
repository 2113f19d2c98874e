package com.kap.budget.process;

import com.kap.budget.internal.Bid;
import com.kap.budget.internal.BidDisplay;
import com.kap.budget.internal.BidFacts;
import com.kap.budget.internal.BudgetAudit;
import com.kap.budget.internal.BudgetRound;
import com.kap.budget.internal.BudgetRoundRepository;
import com.kap.budget.internal.Recusal;
import com.kap.budget.internal.ScoreRepository;
import com.kap.portfolio.Account;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Before scoring: a committee member who sponsors the bid's account is recused (no "Score bid" task), and the
 * recusal is recorded. The scoring form's summary of the bid is prepared.
 */
@Component("assignScorers")
public class AssignScorersDelegate implements JavaDelegate {

  private final BidFacts facts;
  private final BudgetRoundRepository rounds;
  private final ScoreRepository scores;
  private final BudgetAudit audit;
  private final Clock clock;

  public AssignScorersDelegate(BidFacts facts, BudgetRoundRepository rounds, ScoreRepository scores,
      BudgetAudit audit, Clock clock) {
    this.facts = facts;
    this.rounds = rounds;
    this.scores = scores;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Bid bid = facts.bid(execution);
    Account account = facts.account(bid);
    boolean recordedBefore = !scores.recusals(bid.bidNo()).isEmpty();
    for (String member : rounds.members(bid.roundNo())) {
      if (!recordedBefore && member.equals(account.sponsor())) {
        String reason = member + " is the executive sponsor of " + account.name() + " (" + account.accountId() + ")";
        scores.recuse(new Recusal(bid.bidNo(), member, reason, clock.instant()));
        audit.record(bid.roundNo(), bid.bidNo(), BudgetAudit.Action.RECUSAL, null, null, member, reason);
      }
    }
    BudgetRound round = facts.round(bid);
    BidDisplay.show(execution, bid, round, account, facts.segment(bid, round).label());
  }
}
