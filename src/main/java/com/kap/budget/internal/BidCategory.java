package com.kap.budget.internal;

import java.util.Arrays;
import java.util.List;

/** What an investment bid is for; the bidEligibility DMN decides which categories a segment may bid for. */
public enum BidCategory {
  GROWTH("growth"), RETENTION("retention"), EFFICIENCY("efficiency"), COST_TO_SERVE("cost-to-serve"),
  INNOVATION("innovation");

  private final String key;

  BidCategory(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static List<String> keys() {
    return Arrays.stream(values()).map(BidCategory::key).toList();
  }
}
