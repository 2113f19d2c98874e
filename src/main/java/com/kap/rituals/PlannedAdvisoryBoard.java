package com.kap.rituals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The advisory board as planned: its number, year and day, and the Strategic accounts invited, as options (label,
 * value) for the record of who attended.
 */
public record PlannedAdvisoryBoard(long boardNo, int year, LocalDate date, List<Map<String, String>> invitedAccounts) {}
