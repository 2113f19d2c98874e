package com.kap.rituals;

import java.util.List;

/**
 * An account's stakeholder map as its page and {@code GET /api/accounts/{accountId}/stakeholders} show it.
 *
 * @param planYear the year of the plan the map comes from, or null when no plan has given the account one
 * @param planVersion that plan's version, or null
 */
public record AccountStakeholderMap(String accountId, Integer planYear, Integer planVersion,
    List<StakeholderContact> stakeholders) {}
