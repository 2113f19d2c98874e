package com.kap.portfolio;

import java.math.BigDecimal;
import java.util.Map;

/** A key account as imported from the portfolio CSV. Scores are keyed by criterion, each 1-10. */
public record Account(
    String accountId,
    String name,
    String region,
    String kam,
    String sponsor,
    Map<Criterion, Integer> scores,
    BigDecimal revenue,
    BigDecimal grossMargin) {

  /** The longest account id KAP accepts. */
  public static final int MAX_ID_LENGTH = 64;
}
