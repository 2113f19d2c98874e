package com.kap.budget;

import java.time.LocalDate;
import java.time.ZoneOffset;

/** Bodies of /engine-rest submit-form calls for the budget forms, as Tasklist sends them. */
public final class BudgetForms {

  private BudgetForms() {}

  /** A round opened by the programme director, its call closing in a week; region null for a global round. */
  public static String round(String name, String region, int year) {
    return "{\"variables\":{\"name\":{\"value\":\"" + name + "\"},\"level\":{\"value\":\""
        + (region == null ? "global" : "regional") + "\"},"
        + (region == null ? "" : "\"region\":{\"value\":\"" + region + "\"},")
        + "\"year\":{\"value\":" + year + "},\"envelope\":{\"value\":100000},"
        + "\"reservePercent\":{\"value\":10},\"callDeadline\":{\"value\":\""
        + LocalDate.now(ZoneOffset.UTC).plusDays(7) + "\"},\"committee\":{\"value\":\"eric, fatima\"},"
        + "\"chair\":{\"value\":\"fatima\"}}}";
  }

  /** A KAM's growth bid for the account. */
  public static String bid(String accountId, long cost) {
    return "{\"variables\":{\"accountId\":{\"value\":\"" + accountId + "\"},\"title\":{\"value\":\"Innovation lab\"},"
        + "\"category\":{\"value\":\"growth\"},\"cost\":{\"value\":" + cost + "},\"expectedMargin\":{\"value\":90000},"
        + "\"successProbability\":{\"value\":70},\"coInvestment\":{\"value\":5000},"
        + "\"objectives\":{\"value\":\"Lift gross margin to 28 %\"},\"mustFund\":{\"value\":false}}}";
  }

  /** A member's scorecard with the same score on every criterion. */
  public static String scores(int score) {
    StringBuilder variables = new StringBuilder("{\"variables\":{");
    for (ScoreCriterion criterion : ScoreCriterion.values()) {
      variables.append('"').append(criterion.scoreField()).append("\":{\"value\":").append(score).append("},");
    }
    return variables.append("\"scoreComment\":{\"value\":\"Solid\"}}}").toString();
  }
}
