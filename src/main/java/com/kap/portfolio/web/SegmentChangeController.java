package com.kap.portfolio.web;

import com.kap.platform.identity.CurrentUser;
import com.kap.platform.identity.Roles;
import com.kap.platform.web.ApiException;
import com.kap.platform.web.ValidBody;
import com.kap.portfolio.CycleSegment;
import com.kap.portfolio.Segment;
import com.kap.portfolio.internal.CycleSegmentRepository;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Mid-year re-segmentation by the programme director: the account's segment of a cycle year changes (stored as an
 * override with the reason), and its running ritual plan is told (message segmentChanged) to plan anew.
 */
@RestController
@RequestMapping("/api/accounts")
public class SegmentChangeController {

  public static final String SEGMENT_CHANGED = "segmentChanged";

  private static final String SEGMENT_REFUSED = "Segment: must be one of Strategic, Star, Status, Streamline";
  private static final String REASON_REFUSED = "Reason: is required (at most 2000 characters)";

  /** The change as sent; the reason counts without surrounding blanks (see {@link #trimmed()}). */
  public record SegmentChange(
      @NotNull(message = SEGMENT_REFUSED)
      @Pattern(regexp = "Strategic|Star|Status|Streamline", message = SEGMENT_REFUSED) String segment,
      @NotBlank(message = REASON_REFUSED) @Size(max = 2000, message = REASON_REFUSED) String reason) {

    SegmentChange trimmed() {
      return new SegmentChange(segment, reason == null ? null : reason.trim());
    }
  }

  private final CycleSegmentRepository segments;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final CurrentUser currentUser;
  private final Clock clock;
  private final Validator validator;

  public SegmentChangeController(CycleSegmentRepository segments, RuntimeService runtimeService,
      IdentityService identityService, CurrentUser currentUser, Clock clock, Validator validator) {
    this.identityService = identityService;
    this.segments = segments;
    this.runtimeService = runtimeService;
    this.currentUser = currentUser;
    this.clock = clock;
    this.validator = validator;
  }

  @PutMapping("/{accountId}/segments/{year}")
  @Transactional
  public CycleSegment change(@PathVariable String accountId, @PathVariable int year,
      @RequestBody SegmentChange change) {
    currentUser.require(Roles.PROGRAMME_DIRECTOR);
    CycleSegment current = segments.find(year, accountId).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
        "account '" + accountId + "' is not in the " + year + " segmentation"));
    // checked here, after the role check and the look-up, not by @Valid before them
    SegmentChange checked = ValidBody.check(validator, change == null ? new SegmentChange(null, null)
        : change.trimmed());
    Segment segment = Segment.byLabel(checked.segment()).orElseThrow();
    String reason = checked.reason();
    if (current.segment() == segment) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "segment", "Segment: account '" + accountId + "' is already "
          + segment.label() + " in " + year);
    }
    segments.saveOverride(year, accountId, new CycleSegment.Override(segment, reason, currentUser.id(),
        clock.instant()));
    // the programme director may change segments, not touch process instances: KAP tells the ritual plan itself
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      runtimeService.createMessageCorrelation(SEGMENT_CHANGED).processInstanceBusinessKey(year + "-" + accountId)
          .correlateAllWithResult();
    } finally {
      identityService.setAuthentication(caller);
    }
    return segments.find(year, accountId).orElseThrow();
  }
}
