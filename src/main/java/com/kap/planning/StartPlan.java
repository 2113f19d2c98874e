package com.kap.planning;

/** The cycle starts an account's plan for the year, in the plan's own process instance. */
public record StartPlan(int year, String accountId, String processInstanceId) {}
