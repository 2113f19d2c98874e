package com.kap.planning;

import java.time.LocalDate;
import java.util.Date;

/**
 * A registered cycle and the moments of its timers.
 *
 * @param reminderDue when KAMs are reminded of the plan deadline; the deadline's end itself when the reminder would
 *     come too late
 */
public record CycleRegistered(int year, LocalDate planDeadline, LocalDate closingDate, Date planDeadlineDue,
    Date reminderDue, Date closingDue) {}
