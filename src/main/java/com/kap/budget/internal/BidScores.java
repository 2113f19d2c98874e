package com.kap.budget.internal;

import com.kap.budget.Calibration;
import com.kap.budget.ScoreCriterion;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * All scores of one bid: per criterion the members' scores, the chair's calibration where there is one, and the
 * benefit the optimiser maximises: Σ weight × score / 5 (0–100 with weights adding up to 100, two decimals), where a
 * criterion's score is the calibrated one or else the members' mean, and the weights are the round's
 * ({@link ScorecardWeights}).
 */
public final class BidScores {

  private final List<Scorecard> cards;
  private final Map<ScoreCriterion, Calibration> calibrations = new EnumMap<>(ScoreCriterion.class);

  private BidScores(List<Scorecard> cards, List<Calibration> calibrations) {
    this.cards = List.copyOf(cards);
    calibrations.forEach(c -> this.calibrations.put(c.criterion(), c));
  }

  public static BidScores of(List<Scorecard> cards, List<Calibration> calibrations) {
    return new BidScores(cards, calibrations);
  }

  public List<Scorecard> cards() {
    return cards;
  }

  public List<Integer> scores(ScoreCriterion criterion) {
    return cards.stream().map(card -> card.scores().get(criterion)).toList();
  }

  public int spread(ScoreCriterion criterion) {
    List<Integer> scores = scores(criterion);
    return scores.isEmpty() ? 0 : scores.stream().max(Integer::compare).get() - scores.stream().min(Integer::compare).get();
  }

  /** Criteria whose scores spread by more than {@link ScoreCriterion#MAX_SPREAD} (calibrated or not). */
  public Set<ScoreCriterion> spreadTooFar() {
    return EnumSet.allOf(ScoreCriterion.class).stream().filter(c -> spread(c) > ScoreCriterion.MAX_SPREAD)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(ScoreCriterion.class)));
  }

  public boolean needsCalibration() {
    return spreadTooFar().stream().anyMatch(c -> !calibrations.containsKey(c));
  }

  /** The criterion's score that counts, or null when nobody scored the bid. */
  public BigDecimal score(ScoreCriterion criterion) {
    Calibration calibration = calibrations.get(criterion);
    if (calibration != null) {
      return calibration.score();
    }
    List<Integer> scores = scores(criterion);
    if (scores.isEmpty()) {
      return null;
    }
    return BigDecimal.valueOf(scores.stream().mapToInt(Integer::intValue).sum())
        .divide(BigDecimal.valueOf(scores.size()), 10, RoundingMode.HALF_UP);
  }

  /** The bid's benefit with the round's weights, 0–100 with two decimals; zero when nobody scored it. */
  public BigDecimal benefit(Map<ScoreCriterion, BigDecimal> weights) {
    BigDecimal total = BigDecimal.ZERO;
    for (ScoreCriterion criterion : ScoreCriterion.values()) {
      BigDecimal score = score(criterion);
      if (score != null) {
        total = total.add(score.multiply(weights.get(criterion)));
      }
    }
    return total.divide(BigDecimal.valueOf(ScoreCriterion.MAX_SCORE), 2, RoundingMode.HALF_UP);
  }

  public Calibration calibration(ScoreCriterion criterion) {
    return calibrations.get(criterion);
  }
}
