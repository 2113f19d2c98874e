package com.kap.planning;

/** The account's sponsor reviews the plan's latest version: comments, and optionally touchpoint commitments. */
public record RecordSponsorReview(PlanFacts.PlanKey plan, String comments, String touchpointCommitments) {}
