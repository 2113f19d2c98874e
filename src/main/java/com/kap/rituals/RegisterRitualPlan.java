package com.kap.rituals;

import com.kap.planning.PlanFacts.PlanKey;

/** An approved account plan opens the account's ritual plan of the year, run by the process instance. */
public record RegisterRitualPlan(PlanKey plan, String processInstanceId) {}
