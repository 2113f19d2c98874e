package com.kap.budget.web;

import com.kap.budget.BidStatus;
import com.kap.budget.BudgetRecords;
import com.kap.budget.Bids;
import com.kap.platform.i18n.DecisionTexts;
import com.kap.platform.i18n.Texts;
import java.util.Locale;

/**
 * A bid's status reason as KAP's pages show it ({@code ${reasons.of(bid)}}): an ineligible bid's reason, which the
 * DMN table bidEligibility wrote in English and KAP stored so, in the reader's language ({@link DecisionTexts}, as
 * the mail to the KAM says it); other reasons (a withdrawal's, the chair's) as they were written.
 */
public final class BidReasons {

  private final Texts texts;
  private final Locale locale;

  BidReasons(Texts texts, Locale locale) {
    this.texts = texts;
    this.locale = locale;
  }

  /** The reason the page shows; null for none. */
  public String of(BudgetRecords.BidView bid) {
    String reason = bid.statusReason();
    if (reason == null || bid.status() != BidStatus.INELIGIBLE) {
      return reason;
    }
    if (Bids.NO_ELIGIBILITY_RULE.equals(reason)) {
      return texts.text(locale, "mail.noEligibilityRule");
    }
    return DecisionTexts.say(locale, "bidEligibility", "reason", reason);
  }
}
