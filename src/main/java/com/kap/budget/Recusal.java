package com.kap.budget;

import java.time.Instant;

/** A committee member who does not score a bid, and why (e.g. they sponsor its account). */
public record Recusal(long bidNo, String member, String reason, Instant recordedAt) {}
