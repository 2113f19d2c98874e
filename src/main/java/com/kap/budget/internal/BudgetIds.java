package com.kap.budget.internal;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Public ids of rounds and bids (B-12), which are also their processes' business keys. */
public final class BudgetIds {

  private static final Pattern ROUND = Pattern.compile("R-(\\d{1,18})");
  private static final Pattern BID = Pattern.compile("B-(\\d{1,18})");

  private BudgetIds() {}

  public static String round(long roundNo) {
    return "R-" + roundNo;
  }

  public static String bid(long bidNo) {
    return "B-" + bidNo;
  }

  public static OptionalLong roundNo(String id) {
    return number(ROUND, id);
  }

  public static OptionalLong bidNo(String id) {
    return number(BID, id);
  }

  private static OptionalLong number(Pattern pattern, String id) {
    Matcher matcher = id == null ? null : pattern.matcher(id.trim());
    return matcher != null && matcher.matches() ? OptionalLong.of(Long.parseLong(matcher.group(1))) : OptionalLong.empty();
  }
}
