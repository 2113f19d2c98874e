package com.kap.budget;

import java.util.Arrays;
import java.util.Optional;

/** DESIGN §4's scorecard: each director scores every criterion 0–5; the weights add up to 100. */
public enum ScoreCriterion {
  STRATEGIC_FIT("strategicFit", "Strategic fit", 25),
  RISK_ADJUSTED_VALUE("riskAdjustedValue", "Risk-adjusted value", 25),
  ACCOUNT_POTENTIAL("accountPotential", "Account potential", 15),
  RISK("risk", "Risk", 15),
  CO_INVESTMENT("coInvestment", "Customer co-investment", 10),
  FEASIBILITY("feasibility", "Feasibility", 10);

  public static final int MAX_SCORE = 5;
  /** Scores of one criterion further apart than this go to the chair for calibration. */
  public static final int MAX_SPREAD = 2;

  private final String key;
  private final String label;
  private final int weight;

  ScoreCriterion(String key, String label, int weight) {
    this.key = key;
    this.label = label;
    this.weight = weight;
  }

  public String key() {
    return key;
  }

  public String label() {
    return label;
  }

  public int weight() {
    return weight;
  }

  /** Form field of the score in "Score bid", e.g. scoreStrategicFit. */
  public String scoreField() {
    return "score" + capitalised();
  }

  /** Form field of the agreed score in "Calibrate scores", e.g. calibratedStrategicFit. */
  public String calibratedField() {
    return "calibrated" + capitalised();
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
