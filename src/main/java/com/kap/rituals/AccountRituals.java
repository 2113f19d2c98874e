package com.kap.rituals;

import java.util.List;

/** An account's rituals of a cycle year (those planned, held or past), with every action agreed in its rituals. */
public record AccountRituals(String accountId, int year, List<Occurrence> occurrences, List<RitualAction> actions) {}
