package com.kap.planning;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the KAM's draft form offers and shows.
 *
 * @param ownerOptions the account's team as the Owner picker offers it (label and value)
 * @param cycle the plan's cycle, for its deadline
 */
public record DraftPlanForm(List<Map<String, String>> ownerOptions, Optional<PlanningCycle> cycle) {}
