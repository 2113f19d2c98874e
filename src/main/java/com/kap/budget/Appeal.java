package com.kap.budget;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/**
 * A KAM's appeal of an unfunded bid: the grounds, and once a global committee member has reviewed it, the outcome
 * (UPHELD or REJECTED) with the response.
 */
public record Appeal(@JsonIgnore long bidNo, String grounds, Instant appealedAt, String outcome, String response,
    String reviewer, Instant decidedAt) {}
