package com.kap.portfolio;

import com.kap.platform.rules.RecordedWeights;
import com.kap.platform.rules.RuleWeights;
import com.kap.platform.rules.Weights;
import com.kap.platform.rules.WeightsRefused;
import com.kap.portfolio.internal.SegmentationProperties;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The segmentation criteria weights, kept by process owners in the DMN table segmentationWeights (bpmn/). A
 * planning cycle records the latest version when it starts ({@link #recordForCycle}) and segments with it all its
 * life; a redeployed table applies from the next cycle. Scores outside a cycle (the current scores, an import's
 * preview) use the latest version.
 */
@Service
public class SegmentationWeights {

  /** The DMN decision's key. */
  public static final String DECISION = "segmentationWeights";

  private static final Logger LOG = LoggerFactory.getLogger(SegmentationWeights.class);
  private static final List<String> CRITERIA = Arrays.stream(Criterion.values()).map(Criterion::key).toList();

  private final RuleWeights ruleWeights;
  private final SegmentationProperties properties;

  public SegmentationWeights(RuleWeights ruleWeights, SegmentationProperties properties) {
    this.ruleWeights = ruleWeights;
    this.properties = properties;
  }

  /**
   * A scorer with the latest table's weights; while KAP refuses that table (which no cycle can start with), with the
   * weights the latest cycle recorded, so that the account list, matrix and import preview keep working.
   *
   * @throws WeightsRefused for a refused table when no cycle recorded weights yet
   */
  public SegmentScorer current() {
    try {
      return scorer(ruleWeights.latest(DECISION, CRITERIA));
    } catch (WeightsRefused refused) {
      List<RecordedWeights> recorded = ruleWeights.history().stream()
          .filter(r -> r.weights().decisionKey().equals(DECISION)).toList();
      if (recorded.isEmpty()) {
        throw refused;
      }
      RecordedWeights last = recorded.get(recorded.size() - 1);
      LOG.warn("{}; current scores use {} of {} meanwhile", refused.getMessage(), last.weights().describe(),
          last.usedBy());
      return scorer(last.weights());
    }
  }

  /**
   * Records the latest table as the cycle's weights, unless the cycle recorded them already: run when the cycle
   * starts, and again (finding them) whenever the year is segmented.
   *
   * @return a scorer with the cycle's weights
   * @throws WeightsRefused for a table the cycle cannot start with
   */
  public SegmentScorer recordForCycle(int year) {
    return scorer(ruleWeights.record(DECISION, String.valueOf(year), "Cycle " + year, CRITERIA, this::scorer));
  }

  /** A scorer with the weights the cycle recorded, or with the latest table's if it recorded none. */
  public SegmentScorer ofCycle(int year) {
    return ruleWeights.recorded(DECISION, String.valueOf(year)).map(this::scorer).orElseGet(this::current);
  }

  /** Forgets the weights of a cancelled cycle: started afresh, it records the then latest table. */
  public void forgetCycle(int year) {
    ruleWeights.forget(DECISION, String.valueOf(year));
  }

  private SegmentScorer scorer(Weights weights) {
    try {
      return new SegmentScorer(weights.values(), properties.highThreshold());
    } catch (IllegalArgumentException e) {
      throw weights.refused(e.getMessage());
    }
  }
}
