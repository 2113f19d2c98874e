package com.kap.budget.internal;

import com.kap.budget.BidContent;
import com.kap.platform.forms.ShownText;
import com.kap.portfolio.Account;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The variables a bid's forms show and pre-fill. They are copies for display: what counts is in KAP's tables, which
 * the listeners read again.
 */
public final class BidDisplay {

  private BidDisplay() {}

  /** The variables in the order the forms were always given them; values may be null. */
  public static Map<String, Object> variables(Bid bid, BudgetRound round, Account account, String segment) {
    BidContent content = bid.content();
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("bidId", bid.id());
    variables.put("accountId", bid.accountId());
    variables.put("accountName", account.name());
    variables.put("roundName", round.name());
    variables.put("revision", bid.revision());
    variables.put("title", content.title());
    variables.put("category", content.category());
    variables.put("cost", content.cost());
    variables.put("expectedMargin", content.expectedMargin());
    variables.put("successProbability", content.successProbability().doubleValue());
    variables.put("coInvestment", content.coInvestment());
    variables.put("objectives", content.objectives());
    variables.put("exclusiveGroup", content.exclusiveGroup());
    variables.put("requiresBid", content.requiresBid() == null ? null : BudgetIds.bid(content.requiresBid()));
    variables.put("mustFund", content.mustFund());
    variables.put("mustFundReason", content.mustFundReason());
    variables.put("bidSummary", summary(bid, account, segment));
    return variables;
  }

  public static String summary(Bid bid, Account account, String segment) {
    BidContent content = bid.content();
    StringBuilder text = new StringBuilder()
        .append("**Account** ").append(ShownText.markdown(account.name())).append(" (").append(bid.accountId()).append(") · ")
        .append(segment == null ? "" : "**" + segment + "** · ").append("KAM ").append(bid.kam()).append("\n\n")
        .append("**Category** ").append(content.category()).append(" · **Cost** ").append(amount(content.cost()))
        .append(" · **Expected 3-year margin** ").append(amount(content.expectedMargin()))
        .append(" · **Probability of success** ").append(content.successProbability().toPlainString()).append(" %")
        .append(" · **Risk-adjusted margin** ").append(amount(content.riskAdjustedMargin()))
        .append(" · **Customer co-investment** ").append(amount(content.coInvestment())).append("\n\n")
        .append("**Objectives served:** ").append(ShownText.markdown(content.objectives()));
    if (content.mustFund()) {
      text.append("\n\n**Must fund:** ").append(ShownText.markdown(content.mustFundReason()));
    }
    if (content.exclusiveGroup() != null) {
      text.append("\n\n**Exclusivity group:** ").append(ShownText.markdown(content.exclusiveGroup()));
    }
    if (content.requiresBid() != null) {
      text.append("\n\n**Requires:** ").append(BudgetIds.bid(content.requiresBid()));
    }
    return text.toString();
  }

  /** The bid's content on one line of plain text, for the audit trail. */
  public static String plain(Bid bid) {
    BidContent content = bid.content();
    return bid.accountId() + " · " + content.title() + " · " + content.category() + " · cost " + content.cost()
        + " · margin " + content.expectedMargin() + " · probability " + content.successProbability().toPlainString()
        + " % · co-investment " + content.coInvestment()
        + (content.exclusiveGroup() == null ? "" : " · group " + content.exclusiveGroup())
        + (content.requiresBid() == null ? "" : " · requires " + BudgetIds.bid(content.requiresBid()))
        + (content.mustFund() ? " · must fund: " + content.mustFundReason() : "")
        + " · objectives: " + content.objectives();
  }

  public static String amount(long value) {
    return NumberFormat.getIntegerInstance(Locale.UK).format(value);
  }

  /** The amount as the reader writes a number: {@code 40,000} in English, {@code 40 000} in French. */
  public static String amount(long value, Locale reader) {
    return NumberFormat.getIntegerInstance(french(reader) ? Locale.FRANCE : Locale.UK).format(value);
  }

  /** A score or a benefit as computed ({@code 72.5}), with a decimal comma in French ({@code 72,5}). */
  public static String decimal(BigDecimal value, Locale reader) {
    String plain = value.toPlainString();
    return french(reader) ? plain.replace('.', ',') : plain;
  }

  private static boolean french(Locale reader) {
    return reader != null && Locale.FRENCH.getLanguage().equals(reader.getLanguage());
  }
}
