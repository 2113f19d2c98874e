package com.kap.rituals;

import com.kap.planning.PlanFacts.PlanKey;

/**
 * The programme director validates the proposed ritual calendar or sends it back to the KAM; comments are required
 * when it goes back.
 */
public record DecideRitualCalendar(PlanKey plan, boolean validated, String comments) {}
