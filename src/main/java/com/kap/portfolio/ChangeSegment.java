package com.kap.portfolio;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The programme director re-segments an account mid-year: its segment of a cycle year changes, with the reason. The
 * reason counts without surrounding blanks (see {@link #trimmed()}).
 */
public record ChangeSegment(
    @NotNull(message = ChangeSegment.SEGMENT_REFUSED)
    @Pattern(regexp = "Strategic|Star|Status|Streamline", message = ChangeSegment.SEGMENT_REFUSED) String segment,
    @NotBlank(message = ChangeSegment.REASON_REFUSED) @Size(max = 2000, message = ChangeSegment.REASON_REFUSED)
    String reason) {

  /** Keys of the bundle {@code i18n/errors}: the refusal is said in the request's language ({@code ValidBody}). */
  static final String SEGMENT_REFUSED = "{error.segment.oneOf}";
  static final String REASON_REFUSED = "{error.reason.required}";

  ChangeSegment trimmed() {
    return new ChangeSegment(segment, reason == null ? null : reason.trim());
  }
}
