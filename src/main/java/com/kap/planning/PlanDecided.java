package com.kap.planning;

/** The decision as stored with the version it judged. */
public record PlanDecided(int version, boolean approved, String decidedBy) {}
