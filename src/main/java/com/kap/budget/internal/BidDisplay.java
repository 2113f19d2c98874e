package com.kap.budget.internal;

import com.kap.budget.BidContent;
import com.kap.platform.forms.FormLabels;
import com.kap.platform.forms.ShownText;
import com.kap.platform.i18n.Bundles;
import com.kap.portfolio.Account;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/**
 * The variables a bid's forms show and pre-fill. They are copies for display: what counts is in KAP's tables, which
 * the listeners read again.
 */
public final class BidDisplay {

  private BidDisplay() {}

  /**
   * The variables in the order the forms were always given them; values may be null. The summary in the reader's
   * language ({@code reader}: whoever the form is for).
   */
  public static Map<String, Object> variables(Bid bid, BudgetRound round, Account account, String segment,
      Locale reader) {
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
    variables.put("bidSummary", summary(bid, account, segment, reader));
    return variables;
  }

  /**
   * What the scorers read of a bid ("Score bid"), in the reader's language: the account, the figures with the
   * reader's numbers, the category as the bid form names it in French (in English, its value as always), what the
   * KAM wrote as written.
   */
  public static String summary(Bid bid, Account account, String segment, Locale reader) {
    BidContent content = bid.content();
    MessageSource texts = Bundles.standalone();
    Locale language = french(reader) ? Locale.FRENCH : Locale.ENGLISH;
    String category = french(reader)
        ? FormLabels.option("submitInvestmentBid", "category", content.category(), reader) : content.category();
    StringBuilder text = new StringBuilder()
        .append(segment == null
            ? texts.getMessage("bid.summary.account", new Object[] {ShownText.markdown(account.name()),
                bid.accountId(), bid.kam()}, language)
            : texts.getMessage("bid.summary.accountSegment", new Object[] {ShownText.markdown(account.name()),
                bid.accountId(), segment, bid.kam()}, language)).append("\n\n")
        .append(texts.getMessage("bid.summary.figures", new Object[] {category, amount(content.cost(), reader),
            amount(content.expectedMargin(), reader), decimal(content.successProbability(), reader),
            amount(content.riskAdjustedMargin(), reader), amount(content.coInvestment(), reader)}, language))
        .append("\n\n")
        .append(texts.getMessage("bid.summary.objectives", new Object[] {ShownText.markdown(content.objectives())},
            language));
    if (content.mustFund()) {
      text.append("\n\n").append(texts.getMessage("bid.summary.mustFund",
          new Object[] {ShownText.markdown(content.mustFundReason())}, language));
    }
    if (content.exclusiveGroup() != null) {
      text.append("\n\n").append(texts.getMessage("bid.summary.group",
          new Object[] {ShownText.markdown(content.exclusiveGroup())}, language));
    }
    if (content.requiresBid() != null) {
      text.append("\n\n").append(texts.getMessage("bid.summary.requires",
          new Object[] {BudgetIds.bid(content.requiresBid())}, language));
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
