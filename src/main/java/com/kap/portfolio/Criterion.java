package com.kap.portfolio;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The twelve 1-10 criteria of the portfolio CSV (DESIGN §3), each on one axis of the matrix. */
public enum Criterion {
  SPEND("spend", Axis.ATTRACTIVENESS),
  PROFIT_POTENTIAL("profitPotential", Axis.ATTRACTIVENESS),
  GROWTH("growth", Axis.ATTRACTIVENESS),
  STRATEGIC_FIT("strategicFit", Axis.ATTRACTIVENESS),
  PARTNERSHIP_OPENNESS("partnershipOpenness", Axis.ATTRACTIVENESS),
  REFERENCE_VALUE("referenceValue", Axis.ATTRACTIVENESS),
  SOLUTION_FIT("solutionFit", Axis.STRENGTH),
  DELIVERY_RELIABILITY("deliveryReliability", Axis.STRENGTH),
  RELATIONSHIP_DEPTH("relationshipDepth", Axis.STRENGTH),
  VALUE_VS_PRICE("valueVsPrice", Axis.STRENGTH),
  SHARE_OF_WALLET("shareOfWallet", Axis.STRENGTH),
  EASE_OF_BUSINESS("easeOfBusiness", Axis.STRENGTH);

  public enum Axis { ATTRACTIVENESS, STRENGTH }

  public static final int MIN_SCORE = 1;
  public static final int MAX_SCORE = 10;

  private final String key;
  private final Axis axis;

  Criterion(String key, Axis axis) {
    this.key = key;
    this.axis = axis;
  }

  /** Name in the CSV header, the JSON API and application.yaml. */
  public String key() {
    return key;
  }

  public Axis axis() {
    return axis;
  }

  /** Column in kap_account. */
  public String column() {
    return key.replaceAll("([A-Z])", "_$1").toLowerCase();
  }

  public static Optional<Criterion> byKey(String key) {
    return Arrays.stream(values()).filter(c -> c.key.equals(key)).findFirst();
  }

  public static List<Criterion> of(Axis axis) {
    return Arrays.stream(values()).filter(c -> c.axis == axis).toList();
  }
}
