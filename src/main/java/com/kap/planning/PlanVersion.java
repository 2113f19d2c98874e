package com.kap.planning;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** One submission of a plan, with the quality gate's verdict, the sponsor's review and the director's decision. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlanVersion(int version, String submittedBy, Instant submittedAt, PlanContent content,
    boolean qualityPassed, List<String> qualityIssues, String sponsorComments, String sponsorTouchpoints,
    String reviewedBy, String decision, String decisionComments, String decidedBy, Instant decidedAt) {}
