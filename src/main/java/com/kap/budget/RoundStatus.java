package com.kap.budget;

/**
 * Where a budget round stands: open for bids, scoring its eligible bids, waiting for the chair's decision, published;
 * closed when its call ended without an eligible bid.
 */
public enum RoundStatus { OPEN, SCORING, DECIDING, PUBLISHED, CLOSED }
