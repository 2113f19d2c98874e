package com.kap.rituals;

/**
 * The calendar as proposed, for the programme director to validate.
 *
 * @param shortfall the ritual types with fewer dates than the cadence asks for ("Operations meeting (2 of 4)"), or
 *     null when the calendar keeps the cadence
 */
public record ProposedRitualCalendar(String shortfall, RitualCalendarView calendar) {}
