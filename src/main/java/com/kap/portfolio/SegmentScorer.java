package com.kap.portfolio;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;

/**
 * Scores an account on both axes and places it in a segment (DESIGN §3):
 * {@code axis = 100 × Σ wᵢ·(sᵢ−1)/9 / Σ wᵢ}. The comparison with the threshold is done on the exact
 * fraction {@code 100·Σ wᵢ(sᵢ−1) ≥ threshold · 9·Σ wᵢ}, so an account that scores exactly 50 is high
 * (floating point would give 49.999… for many inputs). The weights come from the DMN table segmentationWeights
 * ({@link SegmentationWeights}): the latest version, or the one a cycle recorded when it started.
 */
public class SegmentScorer {

  /** Axis scores are reported with four decimals, truncated so that a reported 50.0000 is always high. */
  private static final int SCALE = 4;

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final BigDecimal SCORE_RANGE = BigDecimal.valueOf(Criterion.MAX_SCORE - Criterion.MIN_SCORE);

  private final Map<Criterion, BigDecimal> weights = new EnumMap<>(Criterion.class);
  private final BigDecimal attractivenessWeightSum;
  private final BigDecimal strengthWeightSum;
  private final BigDecimal threshold;

  /**
   * @param weights a weight of 0 or more for every criterion, criterion key → weight; each axis's adding up to more
   *     than 0
   * @param threshold an axis score this high or higher is high
   * @throws IllegalArgumentException naming the first weight that breaks the rule
   */
  public SegmentScorer(Map<String, BigDecimal> weights, BigDecimal threshold) {
    for (Criterion criterion : Criterion.values()) {
      BigDecimal weight = weights.get(criterion.key());
      if (weight == null) {
        throw new IllegalArgumentException("there is no weight for " + criterion.key());
      }
      if (weight.signum() < 0) {
        throw new IllegalArgumentException("the weight of " + criterion.key() + " is " + weight.toPlainString()
            + "; weights must be 0 or more");
      }
      this.weights.put(criterion, weight);
    }
    this.attractivenessWeightSum = weightSum(Criterion.Axis.ATTRACTIVENESS);
    this.strengthWeightSum = weightSum(Criterion.Axis.STRENGTH);
    this.threshold = threshold;
  }

  /** The weight of each criterion. */
  public Map<Criterion, BigDecimal> weights() {
    return java.util.Collections.unmodifiableMap(weights);
  }

  public Scoring score(Map<Criterion, Integer> scores) {
    BigDecimal attractivenessPoints = points(scores, Criterion.Axis.ATTRACTIVENESS);
    BigDecimal strengthPoints = points(scores, Criterion.Axis.STRENGTH);
    boolean attractive = isHigh(attractivenessPoints, attractivenessWeightSum);
    boolean strong = isHigh(strengthPoints, strengthWeightSum);
    return new Scoring(
        toScale(attractivenessPoints, attractivenessWeightSum),
        toScale(strengthPoints, strengthWeightSum),
        Segment.of(attractive, strong));
  }

  /** 100 × Σ wᵢ·(sᵢ−1): the numerator of the axis score, exact. */
  private BigDecimal points(Map<Criterion, Integer> scores, Criterion.Axis axis) {
    BigDecimal sum = BigDecimal.ZERO;
    for (Criterion criterion : Criterion.of(axis)) {
      Integer score = scores.get(criterion);
      if (score == null || score < Criterion.MIN_SCORE || score > Criterion.MAX_SCORE) {
        throw new IllegalArgumentException(criterion.key() + " must be a score from 1 to 10, was " + score);
      }
      sum = sum.add(weights.get(criterion).multiply(BigDecimal.valueOf(score - Criterion.MIN_SCORE)));
    }
    return sum.multiply(HUNDRED);
  }

  private boolean isHigh(BigDecimal points, BigDecimal weightSum) {
    return points.compareTo(threshold.multiply(SCORE_RANGE).multiply(weightSum)) >= 0;
  }

  private static BigDecimal toScale(BigDecimal points, BigDecimal weightSum) {
    return points.divide(SCORE_RANGE.multiply(weightSum), SCALE, RoundingMode.DOWN);
  }

  private BigDecimal weightSum(Criterion.Axis axis) {
    BigDecimal sum = Criterion.of(axis).stream().map(weights::get).reduce(BigDecimal.ZERO, BigDecimal::add);
    if (sum.signum() == 0) {
      throw new IllegalArgumentException("the " + axisKey(axis) + " weights add up to 0; at least one must be more "
          + "than 0");
    }
    return sum;
  }

  private static String axisKey(Criterion.Axis axis) {
    return axis == Criterion.Axis.ATTRACTIVENESS ? "attractiveness" : "strength";
  }

  /** Axis scores 0-100 and the resulting segment. */
  public record Scoring(BigDecimal attractiveness, BigDecimal strength, Segment segment) {}
}
