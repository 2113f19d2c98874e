package com.kap.budget.internal;

import com.kap.platform.forms.InvalidFormData;
import com.kap.platform.forms.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A global round's minimum funded amount per region, written as people type it: "EMEA=20000, APAC=10000". The
 * optimiser funds at least that much of each region's bids.
 */
public final class RegionMinimums {

  private RegionMinimums() {}

  public static String format(Map<String, Long> minimums) {
    return minimums.isEmpty() ? null : minimums.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", "));
  }

  public static Map<String, Long> parse(String text) {
    Map<String, Long> minimums = new LinkedHashMap<>();
    if (text != null) {
      for (String entry : text.split(",")) {
        String[] parts = entry.split("=", 2);
        minimums.put(parts[0].trim(), Long.parseLong(parts[1].trim()));
      }
    }
    return minimums;
  }

  /** Reads the form field, checking every region against the portfolio and every amount against the envelope. */
  public static Map<String, Long> read(String field, String text, List<String> regions, long envelope) {
    Map<String, Long> minimums = new LinkedHashMap<>();
    if (text == null) {
      return minimums;
    }
    long total = 0;
    for (String entry : text.split(",")) {
      String[] parts = entry.split("=", 2);
      String region = parts[0].trim();
      if (parts.length != 2 || region.isEmpty()) {
        throw new InvalidFormData(field, Problem.of("minimums.format", entry.trim()));
      }
      if (!regions.contains(region)) {
        throw new InvalidFormData(field, Problem.of("minimums.region", region, regions));
      }
      long amount;
      try {
        amount = Long.parseLong(parts[1].trim());
      } catch (NumberFormatException e) {
        throw new InvalidFormData(field, Problem.of("minimums.amount", region, parts[1].trim()));
      }
      if (amount < 0 || minimums.put(region, amount) != null) {
        throw new InvalidFormData(field, Problem.of("minimums.once", region));
      }
      total += amount;
    }
    if (total > envelope) {
      throw new InvalidFormData(field, Problem.of("minimums.aboveEnvelope", total, envelope));
    }
    return minimums;
  }
}
