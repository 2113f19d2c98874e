package com.kap.rituals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * How an account's plan of a year is going: each objective of its approved plan with the latest actual a plan
 * review recorded against its target, and its actions (from the plan and from the rituals) done of all.
 *
 * @param planYear the year of the approved plan tracked (the year itself, or the latest earlier approved one)
 * @param objectives in the plan's order
 */
public record PlanProgress(String accountId, int year, Integer planYear, Integer planVersion,
    List<ObjectiveProgress> objectives, int actionsDone, int actionsDropped, int actionsTotal,
    List<FollowUpAction> actions) {

  /**
   * @param target as the plan states it (e.g. "€2.4M", "15 %")
   * @param actual the latest review's actual, null before any review
   * @param reviewedOn the day of the latest review that recorded it
   * @param percent actual of the target's number in percent (rounded), null when either has no number
   */
  public record ObjectiveProgress(int objectiveNo, String type, String description, String metric, String target,
      BigDecimal actual, LocalDate reviewedOn, Integer percent) {}
}
