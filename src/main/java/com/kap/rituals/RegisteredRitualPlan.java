package com.kap.rituals;

/** The ritual plan as registered: its year, the account's name and the segment whose cadence it follows. */
public record RegisteredRitualPlan(int year, String accountName, String segment) {}
