package com.kap.rituals;

import java.time.LocalDate;

/** An action agreed in a held ritual: what is to be done, by whom, by when. */
public record RitualAction(long occurrenceNo, String ritualType, LocalDate heldDate, String action, String owner,
    LocalDate dueDate) {}
