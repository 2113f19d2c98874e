package com.kap.budget.process;

import com.kap.budget.internal.Bid;
import com.kap.budget.internal.BidFacts;
import com.kap.budget.internal.BidForm;
import com.kap.budget.internal.BidScores;
import com.kap.budget.internal.BudgetAudit;
import com.kap.budget.internal.Calibration;
import com.kap.budget.internal.ScoreCriterion;
import com.kap.budget.internal.ScoreRepository;
import com.kap.platform.forms.FormValues;
import com.kap.platform.forms.TaskCompletionListener;
import com.kap.platform.identity.CurrentUser;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** When the chair completes "Calibrate scores": an agreed score and the reason for every criterion that spread. */
@Component("recordCalibration")
public class RecordCalibrationListener extends TaskCompletionListener {

  private final BidFacts facts;
  private final ScoreRepository scores;
  private final BudgetAudit audit;
  private final CurrentUser currentUser;
  private final Clock clock;

  public RecordCalibrationListener(BidFacts facts, ScoreRepository scores, BudgetAudit audit,
      CurrentUser currentUser, Clock clock) {
    this.facts = facts;
    this.scores = scores;
    this.audit = audit;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    Bid bid = facts.bid(execution);
    BidScores all = BidScores.of(scores.scorecards(bid.bidNo()), scores.calibrations(bid.bidNo()));
    FormValues values = FormValues.of(execution);
    String reason = values.text("calibrationReason", true, BidForm.LONG_TEXT);
    String user = currentUser.idOrElse(null);
    // who was assigned the task, only when nobody is signed in: finding that out takes four queries
    String chair = user != null ? user : facts.calibrator(bid);
    for (ScoreCriterion criterion : all.spreadTooFar()) {
      if (all.calibration(criterion) != null) {
        continue;
      }
      BigDecimal score = values.decimal(criterion.calibratedField(), BigDecimal.ZERO,
          BigDecimal.valueOf(ScoreCriterion.MAX_SCORE), 1);
      scores.calibrate(new Calibration(bid.bidNo(), criterion, score, reason, chair, clock.instant()));
      String before = all.cards().stream().map(c -> c.member() + " " + c.scores().get(criterion))
          .collect(Collectors.joining(", "));
      audit.record(bid.roundNo(), bid.bidNo(), BudgetAudit.Action.CALIBRATION, chair, criterion.key() + ": " + before,
          criterion.key() + ": " + score.toPlainString(), reason);
    }
  }
}
