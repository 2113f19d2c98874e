package com.kap.budget;

/**
 * Where a bid stands: submitted until the call closes (or withdrawn), then eligible or not, scored, and funded or
 * unfunded by the chair's decision.
 */
public enum BidStatus { SUBMITTED, WITHDRAWN, INELIGIBLE, ELIGIBLE, SCORED, FUNDED, UNFUNDED }
