package com.kap.portfolio.web;

import com.kap.platform.identity.CurrentUser;
import com.kap.platform.identity.Roles;
import com.kap.platform.web.ApiException;
import com.kap.portfolio.CycleSegment;
import com.kap.portfolio.Segment;
import com.kap.portfolio.internal.CycleSegmentRepository;
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

  public record SegmentChange(String segment, String reason) {}

  private final CycleSegmentRepository segments;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final CurrentUser currentUser;
  private final Clock clock;

  public SegmentChangeController(CycleSegmentRepository segments, RuntimeService runtimeService,
      IdentityService identityService, CurrentUser currentUser, Clock clock) {
    this.identityService = identityService;
    this.segments = segments;
    this.runtimeService = runtimeService;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @PutMapping("/{accountId}/segments/{year}")
  @Transactional
  public CycleSegment change(@PathVariable String accountId, @PathVariable int year,
      @RequestBody SegmentChange change) {
    currentUser.require(Roles.PROGRAMME_DIRECTOR);
    CycleSegment current = segments.find(year, accountId).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
        "account '" + accountId + "' is not in the " + year + " segmentation"));
    Segment segment = Segment.byLabel(change == null ? null : change.segment()).orElseThrow(() -> new ApiException(
        HttpStatus.BAD_REQUEST, "segment", "Segment: must be one of Strategic, Star, Status, Streamline"));
    String reason = change.reason() == null ? "" : change.reason().trim();
    if (reason.isEmpty() || reason.length() > 2000) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "reason", "Reason: is required (at most 2000 characters)");
    }
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
