package com.kap.rituals.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The arithmetic of an account's health: the DMN table accountHealth gives points (negative) and a reason per rule
 * that matches; the score is 100 plus all the points, kept within 0-100. And the table's inputs from the counts.
 */
public final class HealthScore {

  public static final int FULL = 100;

  private HealthScore() {}

  /** A score and the reasons it lost points, in the table's rule order. */
  public record Result(int score, List<String> reasons) {}

  /** 100 plus the points, no less than 0, no more than 100. */
  public static int score(Collection<Integer> points) {
    long sum = FULL;
    for (Integer p : points) {
      sum += p == null ? 0 : p;
    }
    return (int) Math.max(0, Math.min(FULL, sum));
  }

  /** The table's COLLECT result: each row's points and reason. */
  public static Result fromResult(List<Map<String, Object>> rows) {
    List<Integer> points = new ArrayList<>();
    List<String> reasons = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      Object value = row.get("points");
      points.add(value == null ? 0 : ((Number) value).intValue());
      Object reason = row.get("reason");
      if (reason != null && !reason.toString().isBlank()) {
        reasons.add(reason.toString());
      }
    }
    return new Result(score(points), List.copyOf(reasons));
  }

  /** Held of due in percent, rounded half up; null (unknown, no penalty) while no ritual is due. */
  public static Integer heldPercent(int held, int due) {
    if (due <= 0) {
      return null;
    }
    return BigDecimal.valueOf(100L * held).divide(BigDecimal.valueOf(due), 0, RoundingMode.HALF_UP).intValue();
  }

  /** The average of the objectives' percentages of target, rounded half up; null without any. */
  public static Integer averagePercent(Collection<Integer> percents) {
    List<Integer> known = percents.stream().filter(p -> p != null).toList();
    if (known.isEmpty()) {
      return null;
    }
    long sum = known.stream().mapToLong(Integer::longValue).sum();
    return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(known.size()), 0, RoundingMode.HALF_UP).intValue();
  }

  /** The reasons as one stored text, a line each. */
  public static String joined(List<String> reasons) {
    return String.join("\n", reasons);
  }

  /** The stored text's reasons. */
  public static List<String> split(String reasons) {
    return reasons == null || reasons.isEmpty() ? List.of() : List.of(reasons.split("\n"));
  }
}
