package com.kap.planning;

import java.math.BigDecimal;
import java.util.List;

/**
 * How the objectives of a year's approved plans came out, as the plan reviews recorded them. The rituals module
 * answers it (plan reviews are rituals): rituals build on planning, so planning asks through this interface rather
 * than depending on rituals.
 */
public interface ObjectiveResultsSource {

  /**
   * An objective of an approved plan with the latest actual a plan review recorded against it.
   *
   * @param objectiveNo its position in the plan, from 0
   * @param type one of {@link PlanContent#OBJECTIVE_TYPES}
   * @param target as the plan states it
   * @param actual the latest review's actual, null before any review
   * @param percent the actual of the target's number in percent (rounded), null when either has no number
   */
  record ObjectiveResult(String accountId, int objectiveNo, String type, String target, BigDecimal actual,
      Integer percent) {}

  /** Every objective of the approved plans of the cycle year, in account and plan order; read in bulk. */
  List<ObjectiveResult> objectivesOf(int year);
}
