package com.kap.budget;

import com.kap.budget.AllocationResult.Unfunded;
import com.kap.platform.i18n.Bundles;
import com.kap.platform.i18n.SourceTexts;
import java.text.MessageFormat;
import java.text.ParsePosition;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.springframework.context.MessageSource;

/**
 * Why the optimiser leaves a bid out, and the other reasons KAP gives a bid's status, said to a reader in their
 * language. The optimiser writes a reason's detail from a key of {@code i18n/budget*.properties}
 * ({@code unfunded.detail.*}) and its arguments: that English is what the API's {@code unfunded}, the stored
 * recommendation and a bid's stored status reason ("over budget: needs 15,000 more than the 3,000 left") keep, as
 * always. Where a person reads it, the English is recognised by the key it was written from (the same text, its
 * arguments in place) and said again in the reader's language, numbers as they write them; a text no key recognises
 * (written before, or by a person) is shown as it is.
 */
public final class UnfundedReasons {

  static final String DETAIL = "unfunded.detail.";
  static final String CHAIR = "bid.reason.chair";
  static final String APPEAL_UPHELD = "bid.reason.appealUpheld";

  /** The details each reason may have, by their keys under {@value #DETAIL}. */
  private static final Map<AllocationReason, List<String>> DETAILS = new EnumMap<>(Map.of(
      AllocationReason.NOT_ELIGIBLE, List.of("notEligible"),
      AllocationReason.EXCLUDED_BY_GROUP, List.of("excludedByGroup"),
      AllocationReason.REQUIREMENT_UNFUNDED, List.of("requirementNotFunded", "requirementNotEligible"),
      AllocationReason.OVER_ENVELOPE, List.of("overEnvelope"),
      AllocationReason.OVER_BUDGET, List.of("overBudget"),
      AllocationReason.LOWER_VALUE, List.of("noBenefit", "searchStopped")));

  private UnfundedReasons() {}

  /** The keys of a reason's details, for the tests. */
  static List<String> detailKeys(AllocationReason reason) {
    return DETAILS.get(reason);
  }

  /** An unfunded bid's reason, its detail in English ({@code unfunded.detail.<key>}); amounts as numbers. */
  public static Unfunded unfunded(String bidId, AllocationReason reason, String key, Object... args) {
    return new Unfunded(bidId, reason, Bundles.english(DETAIL + key, args));
  }

  /** The reason's detail in the reader's language; as it is when no key recognises it. */
  public static String detail(Unfunded unfunded, MessageSource texts, Locale reader) {
    return detail(unfunded.reason(), unfunded.detail(), texts, reader);
  }

  private static String detail(AllocationReason reason, String detail, MessageSource texts, Locale reader) {
    if (detail == null || !SourceTexts.isFrench(reader)) {
      return detail;
    }
    for (String key : DETAILS.get(reason)) {
      Object[] args = recognised(DETAIL + key, detail);
      if (args != null) {
        return texts.getMessage(DETAIL + key, args, reader);
      }
    }
    return detail;
  }

  /** The same unfunded bid with its detail in the reader's language (the API's {@code unfunded}). */
  public static Unfunded said(Unfunded unfunded, MessageSource texts, Locale reader) {
    return new Unfunded(unfunded.id(), unfunded.reason(), detail(unfunded, texts, reader));
  }

  /** "over budget: needs 15,000 more than the 3,000 left", as "Decide allocation"'s table shows it, in the language. */
  public static String stated(Unfunded unfunded, MessageSource texts, Locale reader) {
    String reason = texts.getMessage("unfunded.reason." + unfunded.reason().name(), null, reader);
    return unfunded.detail() == null ? reason
        : texts.getMessage("unfunded.stated", new Object[] {reason, detail(unfunded, texts, reader)}, reader);
  }

  /** What the optimiser's reason becomes as a bid's status reason, in English: "over budget: needs…". */
  public static String statusReason(Unfunded unfunded) {
    return unfunded.reason().code() + (unfunded.detail() == null ? "" : ": " + unfunded.detail());
  }

  /** The chair's reason for a bid decided against the recommendation, as stored: "decided by the chair: …". */
  public static String byTheChair(String reason) {
    return Bundles.english(CHAIR, reason);
  }

  /** The reviewer's response to an appeal upheld, as the bid's status reason: "appeal upheld: …". */
  public static String appealUpheld(String response) {
    return Bundles.english(APPEAL_UPHELD, response);
  }

  /**
   * A funded or unfunded bid's status reason as stored (in English), in the reader's language: the optimiser's
   * reason, the chair's or the appeal's (their words as typed); anything else as it is.
   */
  public static String statusReason(String stored, MessageSource texts, Locale reader) {
    if (stored == null || !SourceTexts.isFrench(reader)) {
      return stored;
    }
    for (String key : List.of(CHAIR, APPEAL_UPHELD)) {
      Object[] args = recognised(key, stored);
      if (args != null) {
        return texts.getMessage(key, args, reader);
      }
    }
    int colon = stored.indexOf(": ");
    String code = colon < 0 ? stored : stored.substring(0, colon);
    for (AllocationReason reason : AllocationReason.values()) {
      if (reason.code().equals(code)) {
        return stated(new Unfunded(null, reason, colon < 0 ? null : stored.substring(colon + 2)), texts, reader);
      }
    }
    return stored;
  }

  /**
   * The arguments the English text of the key was written with, or null when it was not written from it: the text
   * read back with the key's English (numbers as numbers) must give the same text again.
   */
  static Object[] recognised(String key, String text) {
    String pattern = english(key);
    if (pattern == null) {
      return null;
    }
    MessageFormat format = new MessageFormat(pattern, Locale.ENGLISH);
    ParsePosition position = new ParsePosition(0);
    Object[] args = format.parse(text, position);
    if (args == null || position.getIndex() != text.length() || position.getErrorIndex() >= 0) {
      return null;
    }
    args = Arrays.copyOf(args, format.getFormatsByArgumentIndex().length);
    return text.equals(format.format(args)) ? args : null;
  }

  private static String english(String key) {
    try {
      return ResourceBundle.getBundle("i18n.budget", Locale.ROOT,
          ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
    } catch (MissingResourceException missing) {
      return null;
    }
  }
}
