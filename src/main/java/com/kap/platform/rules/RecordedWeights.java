package com.kap.platform.rules;

import java.time.Instant;

/**
 * The weights a cycle or round uses for its whole life, recorded when it started.
 *
 * @param scope the cycle year or the round id
 * @param usedBy what people read, e.g. "Cycle 2031"
 */
public record RecordedWeights(String scope, String usedBy, Weights weights, Instant recordedAt) {}
