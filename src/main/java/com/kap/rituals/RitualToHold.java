package com.kap.rituals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the host sees of a ritual when it is due: its type, day and account, whether the customer takes part and
 * who, and the account's team to own the actions agreed.
 *
 * @param ownerOptions the account's team as options (label, value), or null when the account is no longer known
 */
public record RitualToHold(String ritualLabel, LocalDate plannedDate, boolean external, String customerParticipants,
    List<Map<String, String>> ownerOptions, String accountName) {}
