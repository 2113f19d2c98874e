package com.kap.budget;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * The optimiser's proposal for a round, as stored for the chair's decision.
 *
 * @param warning set when the must-fund bids could not all be funded, so the optimiser ran without that constraint;
 *     in English, as the audit trail keeps it
 * @param warningText the same warning as a text of the bundles, to say it in a reader's language; null for none, and
 *     for a recommendation stored before it was kept. Not in the API's answer, which says the warning in the
 *     request's language ({@link #said})
 */
public record Recommendation(AllocationResult result, String warning,
    @JsonInclude(JsonInclude.Include.NON_NULL) KeyedText warningText) {

  /** A recommendation whose warning (if any) is in English only. */
  public Recommendation(AllocationResult result, String warning) {
    this(result, warning, null);
  }

  /**
   * The recommendation as a reader reads it: the warning and why each bid is left out in their language (the
   * reasons' codes stay as they are); a warning stored in English only stays so.
   */
  public Recommendation said(MessageSource texts, Locale reader) {
    AllocationResult shown = result.withUnfunded(result.unfunded().stream()
        .map(unfunded -> UnfundedReasons.said(unfunded, texts, reader)).toList());
    return new Recommendation(shown, warningText == null ? warning : warningText.in(texts, reader), null);
  }
}
