package com.kap.budget.process;

import com.kap.budget.internal.Bid;
import com.kap.budget.internal.BidFacts;
import com.kap.budget.internal.BidForm;
import com.kap.budget.internal.BudgetAudit;
import com.kap.budget.internal.ScoreCriterion;
import com.kap.budget.internal.ScoreRepository;
import com.kap.budget.internal.Scorecard;
import com.kap.platform.forms.FormValues;
import com.kap.platform.forms.InvalidFormData;
import com.kap.platform.forms.TaskCompletionListener;
import com.kap.platform.identity.CurrentUser;
import com.kap.platform.operations.BusinessMetrics;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** When a member completes "Score bid": checks and stores the scorecard under the member who submitted it. */
@Component("recordScore")
public class RecordScoreListener extends TaskCompletionListener {

  private final BidFacts facts;
  private final ScoreRepository scores;
  private final BudgetAudit audit;
  private final CurrentUser currentUser;
  private final Clock clock;
  private final BusinessMetrics metrics;

  public RecordScoreListener(BidFacts facts, ScoreRepository scores, BudgetAudit audit, CurrentUser currentUser,
      Clock clock, BusinessMetrics metrics) {
    this.facts = facts;
    this.scores = scores;
    this.audit = audit;
    this.currentUser = currentUser;
    this.clock = clock;
    this.metrics = metrics;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    Bid bid = facts.bid(execution);
    // the submitting user, not the branch's "scorer" variable, which a submission could overwrite
    String member = currentUser.idOrElse((String) execution.getVariableLocal("scorer"));
    if (!facts.scorers(bid).contains(member)) {
      throw new InvalidFormData("scoreComment", member + " is not a scoring member of the committee for " + bid.id());
    }
    if (scores.hasScored(bid.bidNo(), member)) {
      throw new InvalidFormData("scoreComment", member + " has already scored " + bid.id());
    }
    FormValues values = FormValues.of(execution);
    Map<ScoreCriterion, Integer> card = new EnumMap<>(ScoreCriterion.class);
    for (ScoreCriterion criterion : ScoreCriterion.values()) {
      card.put(criterion, values.integer(criterion.scoreField(), 0, ScoreCriterion.MAX_SCORE));
    }
    String comment = values.text(OpenScorecardListener.COMMENT, true, BidForm.LONG_TEXT);
    scores.save(new Scorecard(bid.bidNo(), member, card, comment, clock.instant()));
    audit.record(bid.roundNo(), bid.bidNo(), BudgetAudit.Action.SCORE, member, null, describe(card), comment);
    metrics.bidScored();
  }

  public static String describe(Map<ScoreCriterion, ? extends Number> scores) {
    StringBuilder text = new StringBuilder();
    scores.forEach((criterion, score) -> text.append(text.isEmpty() ? "" : ", ").append(criterion.key()).append(' ')
        .append(score));
    return text.toString();
  }
}
