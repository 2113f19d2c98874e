package com.kap.budget;

import java.math.BigDecimal;
import java.time.Instant;

/** The score of one criterion the chair set where the members' scores spread too far. */
public record Calibration(long bidNo, ScoreCriterion criterion, BigDecimal score, String reason, String calibratedBy,
    Instant calibratedAt) {}
