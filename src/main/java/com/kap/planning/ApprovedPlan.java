package com.kap.planning;

/** An account's approved plan: the year, the version the programme director approved, and what it says. */
public record ApprovedPlan(int year, String accountId, int version, PlanContent content) {}
