package com.kap.budget;

/**
 * The optimiser's proposal for a round, as stored for the chair's decision.
 *
 * @param warning set when the must-fund bids could not all be funded, so the optimiser ran without that constraint
 */
public record Recommendation(AllocationResult result, String warning) {}
