package com.kap.planning;

import java.time.LocalDate;
import java.util.function.Supplier;

/**
 * The programme director starts a year's planning cycle. Each field is read from the start form when its check
 * runs, so that a refusal names every problem of the form at once, a wrong type and a broken rule alike.
 *
 * @param processInstanceId the cycle's process instance, registered for the year
 */
public record RegisterCycle(String processInstanceId, Supplier<Integer> year, Supplier<LocalDate> planDeadline,
    Supplier<LocalDate> closingDate) {}
