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

  static final String SEGMENT_REFUSED = "Segment: must be one of Strategic, Star, Status, Streamline";
  static final String REASON_REFUSED = "Reason: is required (at most 2000 characters)";

  ChangeSegment trimmed() {
    return new ChangeSegment(segment, reason == null ? null : reason.trim());
  }
}
