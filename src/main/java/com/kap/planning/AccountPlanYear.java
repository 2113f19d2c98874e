package com.kap.planning;

import java.util.List;

/**
 * An account's plan of one cycle year as its page shows it: where it stands, which version was approved, and every
 * submitted version with what changed from the one before.
 */
public record AccountPlanYear(int year, AccountPlan.Status status, Integer approvedVersion,
    List<VersionChanges> versions) {

  /** A submitted version and its differences from the previous one (none for the first). */
  public record VersionChanges(PlanVersion version, List<PlanChange> changes) {}
}
