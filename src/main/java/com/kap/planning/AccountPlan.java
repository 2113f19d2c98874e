package com.kap.planning;

import java.time.Instant;

/** An account's plan for a cycle year and where it stands. */
public record AccountPlan(int year, String accountId, String processInstanceId, String kam, String segment,
    Status status, Instant startedAt, Instant approvedAt, Integer approvedVersion) {

  public enum Status { DRAFTING, IN_REVIEW, APPROVED }
}
