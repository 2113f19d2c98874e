package com.kap.planning;

import java.util.Date;

/**
 * The plan deadline is a week away: the KAM is reminded of the plan.
 *
 * @param deadlineDue the end of the plan deadline; once it passed, the escalation takes over and nobody is reminded
 */
public record RemindKam(PlanFacts.PlanKey plan, Date deadlineDue) {}
