package com.kap.planning;

import java.time.LocalDate;

/**
 * Next year's cycle as the yearly schedule starts it, with the configured dates.
 *
 * @param alreadyStarted the programme director started that year by hand already
 */
public record NextCycle(int year, LocalDate planDeadline, LocalDate closingDate, boolean alreadyStarted) {}
