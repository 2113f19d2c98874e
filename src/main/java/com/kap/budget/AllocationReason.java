package com.kap.budget;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why a bid is not funded (DESIGN §4), checked in this order. */
public enum AllocationReason {
  /** The bid itself is not eligible. */
  NOT_ELIGIBLE("not eligible"),
  /** Another bid of its exclusivity group is funded. */
  EXCLUDED_BY_GROUP("excluded by group"),
  /** A bid it requires is not funded. */
  REQUIREMENT_UNFUNDED("requirement unfunded"),
  /** It costs more than what its segment's envelope has left. */
  OVER_ENVELOPE("over envelope"),
  /** It (with what it requires) costs more than what is left. */
  OVER_BUDGET("over budget"),
  /** None of the above: it adds no benefit, or the search stopped at its limit before funding it. */
  LOWER_VALUE("lower value");

  private final String code;

  AllocationReason(String code) {
    this.code = code;
  }

  @JsonValue
  public String code() {
    return code;
  }
}
