package com.kap.budget.internal;

import com.kap.budget.ScoreCriterion;
import com.kap.platform.rules.RuleWeights;
import com.kap.platform.rules.Weights;
import com.kap.platform.rules.WeightsRefused;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The bid scorecard's weights, kept by process owners in the DMN table bidScorecardWeights (bpmn/): 0 or more each,
 * adding up to 100, so that a bid's benefit is 0–100. A round records the latest version when it opens and scores
 * with it all its life; a redeployed table applies from the next round.
 */
@Component
public class ScorecardWeights {

  /** The DMN decision's key. */
  public static final String DECISION = "bidScorecardWeights";
  /** What the weights add up to. */
  public static final BigDecimal TOTAL = BigDecimal.valueOf(100);

  private static final List<String> CRITERIA = Arrays.stream(ScoreCriterion.values()).map(ScoreCriterion::key)
      .toList();

  private final RuleWeights ruleWeights;

  public ScorecardWeights(RuleWeights ruleWeights) {
    this.ruleWeights = ruleWeights;
  }

  /**
   * The latest table's weights, checked.
   *
   * @throws WeightsRefused for a missing or negative weight, or weights not adding up to 100
   */
  public Weights latest() {
    Weights weights = ruleWeights.latest(DECISION, CRITERIA);
    check(weights);
    return weights;
  }

  /** Records the round's weights when it opens (those of {@link #latest()}, unless it recorded some already). */
  public Map<ScoreCriterion, BigDecimal> recordForRound(String roundId, String name) {
    return byCriterion(ruleWeights.record(DECISION, roundId, "Budget round " + roundId + " (" + name + ")", CRITERIA,
        ScorecardWeights::check));
  }

  /** The weights the round recorded when it opened; a round opened before weights were recorded records them now. */
  public Map<ScoreCriterion, BigDecimal> ofRound(BudgetRound round) {
    return recordForRound(round.id(), round.name());
  }

  /** @throws WeightsRefused unless the weights add up to 100 */
  public static void check(Weights weights) {
    if (weights.sum().compareTo(TOTAL) != 0) {
      throw weights.refused("the weights add up to " + weights.sum().toPlainString() + ", not " + TOTAL);
    }
  }

  private static Map<ScoreCriterion, BigDecimal> byCriterion(Weights weights) {
    Map<ScoreCriterion, BigDecimal> map = new EnumMap<>(ScoreCriterion.class);
    for (ScoreCriterion criterion : ScoreCriterion.values()) {
      map.put(criterion, weights.of(criterion.key()));
    }
    return Collections.unmodifiableMap(map);
  }
}
