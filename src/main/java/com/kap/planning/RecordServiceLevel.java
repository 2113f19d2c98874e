package com.kap.planning;

/** The segment's service level (DMN segmentServiceLevels) decided how deep the plan goes and who reviews it. */
public record RecordServiceLevel(PlanFacts.PlanKey plan, String planDepth, boolean sponsorRequired) {}
