package com.kap.budget;

import java.util.Arrays;
import java.util.Optional;

/**
 * DESIGN §4's scorecard: each director scores every criterion 0–5. The criteria's weights are in the DMN table
 * bidScorecardWeights, which a round reads when it opens.
 */
public enum ScoreCriterion {
  STRATEGIC_FIT("strategicFit", "Strategic fit"),
  RISK_ADJUSTED_VALUE("riskAdjustedValue", "Risk-adjusted value"),
  ACCOUNT_POTENTIAL("accountPotential", "Account potential"),
  RISK("risk", "Risk"),
  CO_INVESTMENT("coInvestment", "Customer co-investment"),
  FEASIBILITY("feasibility", "Feasibility");

  public static final int MAX_SCORE = 5;
  /** Scores of one criterion further apart than this go to the chair for calibration. */
  public static final int MAX_SPREAD = 2;

  private final String key;
  private final String label;

  ScoreCriterion(String key, String label) {
    this.key = key;
    this.label = label;
  }

  public String key() {
    return key;
  }

  public String label() {
    return label;
  }

  /** Form field of the score in "Score bid", e.g. scoreStrategicFit. */
  public String scoreField() {
    return "score" + capitalised();
  }

  /** Form field of the agreed score in "Calibrate scores", e.g. calibratedStrategicFit. */
  public String calibratedField() {
    return "calibrated" + capitalised();
  }

  /** Variable with the criterion's weight in the round, for the forms' labels, e.g. weightStrategicFit. */
  public String weightVariable() {
    return "weight" + capitalised();
  }

  /** Variable telling the calibration form that this criterion needs an agreed score, e.g. flagStrategicFit. */
  public String flagVariable() {
    return "flag" + capitalised();
  }

  public static Optional<ScoreCriterion> byKey(String key) {
    return Arrays.stream(values()).filter(c -> c.key.equals(key)).findFirst();
  }

  private String capitalised() {
    return Character.toUpperCase(key.charAt(0)) + key.substring(1);
  }
}
