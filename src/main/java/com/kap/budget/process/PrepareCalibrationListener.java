package com.kap.budget.process;

import com.kap.budget.internal.Bid;
import com.kap.budget.internal.BidFacts;
import com.kap.budget.internal.BidScores;
import com.kap.budget.internal.ScoreCriterion;
import com.kap.budget.internal.ScoreRepository;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.spin.Spin;
import org.springframework.stereotype.Component;

/** Start of "Calibrate scores": all members have scored, so the chair sees every score and the criteria to settle. */
@Component("prepareCalibration")
public class PrepareCalibrationListener implements ExecutionListener {

  private final BidFacts facts;
  private final ScoreRepository scores;

  public PrepareCalibrationListener(BidFacts facts, ScoreRepository scores) {
    this.facts = facts;
    this.scores = scores;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Bid bid = facts.bid(execution);
    BidScores all = BidScores.of(scores.scorecards(bid.bidNo()), scores.calibrations(bid.bidNo()));
    Set<ScoreCriterion> flagged = all.spreadTooFar();
    List<Map<String, Object>> table = new ArrayList<>();
    for (ScoreCriterion criterion : ScoreCriterion.values()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("criterion", criterion.label());
      row.put("weight", criterion.weight());
      row.put("scores", all.cards().stream().map(c -> c.member() + " " + c.scores().get(criterion))
          .collect(Collectors.joining(" · ")));
      row.put("spread", all.spread(criterion));
      row.put("flagged", flagged.contains(criterion) ? "yes" : "");
      table.add(row);
      execution.setVariable(criterion.flagVariable(), flagged.contains(criterion));
    }
    execution.setVariable("scoreTable", Spin.JSON(table));
  }
}
