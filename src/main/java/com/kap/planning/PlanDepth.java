package com.kap.planning;

import java.util.Arrays;
import java.util.Optional;

/** How deep a segment's account plan goes (DMN segmentServiceLevels, output planDepth). */
public enum PlanDepth {
  FULL("full"),
  LIGHT("light"),
  ONE_PAGE("onePage");

  private final String key;

  PlanDepth(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static Optional<PlanDepth> byKey(String key) {
    return Arrays.stream(values()).filter(d -> d.key.equals(key)).findFirst();
  }
}
