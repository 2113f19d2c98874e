package com.kap.rituals;

import java.util.Arrays;
import java.util.Optional;

/** The rituals of DESIGN §3's cadence table; the key is what the ritual cadence DMN table and the database hold. */
public enum RitualType {
  INTERNAL_REVIEW("internalReview", "Internal new-business review"),
  PLAN_REVIEW("planReview", "Plan review with the programme director"),
  OPERATIONS_MEETING("operationsMeeting", "Operations meeting"),
  CUSTOMER_BUSINESS_REVIEW("customerBusinessReview", "Customer business review"),
  EXECUTIVE_TOP_TO_TOP("executiveTopToTop", "Executive top-to-top"),
  CUSTOMER_ADVISORY_BOARD("customerAdvisoryBoard", "Customer advisory board");

  private final String key;
  private final String label;

  RitualType(String key, String label) {
    this.key = key;
    this.label = label;
  }

  public String key() {
    return key;
  }

  public String label() {
    return label;
  }

  public static Optional<RitualType> byKey(String key) {
    return Arrays.stream(values()).filter(type -> type.key.equals(key)).findFirst();
  }
}
