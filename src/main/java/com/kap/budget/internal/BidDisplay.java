package com.kap.budget.internal;

import com.kap.platform.forms.ShownText;
import com.kap.portfolio.Account;
import java.text.NumberFormat;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The variables a bid's forms show and pre-fill. They are copies for display: what counts is in KAP's tables, which
 * the listeners read again.
 */
public final class BidDisplay {

  private BidDisplay() {}

  public static void show(VariableScope scope, Bid bid, BudgetRound round, Account account, String segment) {
    BidContent content = bid.content();
    scope.setVariable("bidId", bid.id());
    scope.setVariable("accountId", bid.accountId());
    scope.setVariable("accountName", account.name());
    scope.setVariable("roundName", round.name());
    scope.setVariable("revision", bid.revision());
    scope.setVariable("title", content.title());
    scope.setVariable("category", content.category());
    scope.setVariable("cost", content.cost());
    scope.setVariable("expectedMargin", content.expectedMargin());
    scope.setVariable("successProbability", content.successProbability().doubleValue());
    scope.setVariable("coInvestment", content.coInvestment());
    scope.setVariable("objectives", content.objectives());
    scope.setVariable("exclusiveGroup", content.exclusiveGroup());
    scope.setVariable("requiresBid", content.requiresBid() == null ? null : BudgetIds.bid(content.requiresBid()));
    scope.setVariable("mustFund", content.mustFund());
    scope.setVariable("mustFundReason", content.mustFundReason());
    scope.setVariable("bidSummary", summary(bid, account, segment));
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
}
