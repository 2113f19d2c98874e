package com.kap.budget.internal;

import com.kap.portfolio.Segment;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The segment budget envelopes of a round that enables them: per segment, its {@code budgetShare} (DMN
 * segmentServiceLevels, the latest version) of what is available to the optimiser, rounded down to whole currency
 * units.
 */
@Component
public class SegmentEnvelopes {

  /** The decision that holds each segment's share. */
  public static final String DECISION = "segmentServiceLevels";

  private final DecisionService decisionService;
  private final IdentityService identityService;

  public SegmentEnvelopes(DecisionService decisionService, IdentityService identityService) {
    this.decisionService = decisionService;
    this.identityService = identityService;
  }

  /**
   * @return segment label → envelope, in the segments' order
   * @throws IllegalStateException naming the segment whose share is missing or not from 0 to 1
   */
  public Map<String, Long> of(long available) {
    Map<String, Long> envelopes = new LinkedHashMap<>();
    // KAP's own rule, read whoever is signed in (the proposal runs as a job, a preview as a director)
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      for (Segment segment : Segment.values()) {
        DmnDecisionTableResult result = decisionService.evaluateDecisionTableByKey(DECISION,
            Variables.createVariables().putValue("segment", segment.label()));
        Object share = result.isEmpty() ? null : result.getSingleResult().getEntryMap().get("budgetShare");
        if (!(share instanceof Number number)) {
          throw new IllegalStateException(DECISION + " gives " + segment.label() + " no budgetShare (was " + share
              + "): the segment envelopes need one from 0 to 1 for every segment");
        }
        BigDecimal fraction = new BigDecimal(number.toString());
        if (fraction.signum() < 0 || fraction.compareTo(BigDecimal.ONE) > 0) {
          throw new IllegalStateException(DECISION + " gives " + segment.label() + " a budgetShare of "
              + fraction.toPlainString() + ": the segment envelopes need one from 0 to 1");
        }
        envelopes.put(segment.label(), fraction.multiply(BigDecimal.valueOf(available))
            .setScale(0, RoundingMode.FLOOR).longValueExact());
      }
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
    return envelopes;
  }
}
