package com.kap.budget;

import java.time.Instant;

/** One entry of a round's audit trail: who did what to which bid, when, with the value before and after and why. */
public record AuditEntry(long auditNo, String roundId, String bidId, AuditAction action, String actor, Instant at,
    String before, String after, String reason) {}
