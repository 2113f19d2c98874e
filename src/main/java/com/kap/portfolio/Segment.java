package com.kap.portfolio;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** The four quadrants of the attractiveness × relative-strength matrix. */
public enum Segment {
  STRATEGIC("Strategic"),
  STAR("Star"),
  STATUS("Status"),
  STREAMLINE("Streamline");

  private final String label;

  Segment(String label) {
    this.label = label;
  }

  public static Segment of(boolean attractive, boolean strong) {
    if (attractive) {
      return strong ? STRATEGIC : STAR;
    }
    return strong ? STATUS : STREAMLINE;
  }

  /** The name used in the API, forms, DMN tables and the database. */
  @JsonValue
  public String label() {
    return label;
  }

  public static Optional<Segment> byLabel(String label) {
    return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst();
  }
}
