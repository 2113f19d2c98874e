package com.kap.rituals;

import com.kap.planning.PlanFacts.PlanKey;
import com.kap.platform.forms.FormValues;

/**
 * The KAM proposes the year's ritual dates, as submitted in "Propose ritual calendar": the rituals (type, date and,
 * for rituals with the customer, its participants) and a justification where there are fewer than the cadence asks.
 */
public record ProposeRitualCalendar(PlanKey plan, FormValues calendar) {}
