package com.kap.budget.internal;

import com.kap.budget.ScoreCriterion;
import java.time.Instant;
import java.util.Map;

/** One committee member's scores of one bid (0–5 per criterion) and their reasoning. */
public record Scorecard(long bidNo, String member, Map<ScoreCriterion, Integer> scores, String comment,
    Instant scoredAt) {}
