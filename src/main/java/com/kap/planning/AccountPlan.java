package com.kap.planning;

import java.time.Instant;

/** An account's plan for a cycle year and where it stands. */
public record AccountPlan(int year, String accountId, String processInstanceId, String kam, String segment,
    Status status, Instant startedAt, Instant approvedAt, Integer approvedVersion, String planDepth,
    Boolean sponsorRequired) {

  public AccountPlan(int year, String accountId, String processInstanceId, String kam, String segment, Status status,
      Instant startedAt, Instant approvedAt, Integer approvedVersion) {
    this(year, accountId, processInstanceId, kam, segment, status, startedAt, approvedAt, approvedVersion, null, null);
  }

  /** CLOSED: not approved when the cycle passed its closing date (or was cancelled); the plan's process ended. */
  public enum Status { DRAFTING, IN_REVIEW, APPROVED, CLOSED }
}
