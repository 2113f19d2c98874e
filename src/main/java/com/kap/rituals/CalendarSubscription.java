package com.kap.rituals;

import java.time.Instant;

/**
 * A user's calendar address as KAP keeps it: when it was made and when a calendar app last fetched it (null: not
 * yet). The address itself is shown once, when it is made; KAP keeps only a hash of its token.
 */
public record CalendarSubscription(Instant createdAt, Instant lastFetchedAt) {}
