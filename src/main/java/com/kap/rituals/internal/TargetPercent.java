package com.kap.rituals.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An actual as a percentage of an objective's target. The plan's target is free text ("€2.4M", "15 %", "NPS 40",
 * "1,200 units"): its first number counts, read with "," as a thousands separator where three digits follow it
 * and as a decimal comma otherwise; the KAM enters the actual in the same unit.
 */
public final class TargetPercent {

  private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:[.,]\\d+)*");

  private TargetPercent() {}

  /** The first number of the target text, if it has one. */
  public static Optional<BigDecimal> number(String target) {
    if (target == null) {
      return Optional.empty();
    }
    Matcher matcher = NUMBER.matcher(target);
    if (!matcher.find()) {
      return Optional.empty();
    }
    String text = matcher.group();
    String normalised;
    if (text.matches("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?")) {
      normalised = text.replace(",", ""); // 1,200 or 1,200.5
    } else if (text.matches("-?\\d+,\\d+")) {
      normalised = text.replace(',', '.'); // 2,5 (decimal comma)
    } else if (text.matches("-?\\d+(\\.\\d+)?")) {
      normalised = text;
    } else {
      return Optional.empty(); // 1.2.3: not a number
    }
    return Optional.of(new BigDecimal(normalised));
  }

  /** The actual in percent of the target's number, rounded half up; empty without both or for a zero target. */
  public static Optional<Integer> of(String target, BigDecimal actual) {
    if (actual == null) {
      return Optional.empty();
    }
    return number(target).filter(t -> t.signum() != 0)
        .map(t -> actual.multiply(BigDecimal.valueOf(100)).divide(t, 0, RoundingMode.HALF_UP).intValueExact());
  }
}
