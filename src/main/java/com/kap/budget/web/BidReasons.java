package com.kap.budget.web;

import com.kap.budget.BidStatus;
import com.kap.budget.BudgetRecords;
import com.kap.budget.Bids;
import com.kap.budget.UnfundedReasons;
import com.kap.platform.i18n.Bundles;
import com.kap.platform.i18n.DecisionTexts;
import com.kap.platform.i18n.Texts;
import java.util.Locale;

/**
 * A bid's status reason as KAP's pages show it ({@code ${reasons.of(bid)}}): an ineligible bid's reason, which the
 * DMN table bidEligibility wrote in English and KAP stored so, in the reader's language ({@link DecisionTexts}, as
 * the mail to the KAM says it); a funded or unfunded bid's, stored in English too, in the reader's language
 * ({@link UnfundedReasons}: why the optimiser left it out, "decided by the chair: " or "appeal upheld: " before the
 * person's words); a withdrawal's, as the KAM wrote it.
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
    if (bid.status() == BidStatus.FUNDED || bid.status() == BidStatus.UNFUNDED) {
      return UnfundedReasons.statusReason(reason, Bundles.standalone(), locale);
    }
    if (reason == null || bid.status() != BidStatus.INELIGIBLE) {
      return reason;
    }
    if (Bids.NO_ELIGIBILITY_RULE.equals(reason)) {
      return texts.text(locale, "mail.noEligibilityRule");
    }
    return DecisionTexts.say(locale, "bidEligibility", "reason", reason);
  }
}
