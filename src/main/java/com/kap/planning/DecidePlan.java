package com.kap.planning;

/**
 * The programme director approves the plan's latest version, or sends it back with comments the KAM sees in the
 * rework.
 *
 * @param decision {@link #APPROVE} or {@link #SEND_BACK}
 */
public record DecidePlan(PlanFacts.PlanKey plan, String decision, String comments) {

  public static final String APPROVE = "approve";
  public static final String SEND_BACK = "sendBack";
}
