package com.kap.planning;

import java.util.List;

/**
 * An account's stakeholder map: the list of the latest plan version that passed the quality gate.
 *
 * @param planYear the year of the plan it comes from
 * @param planVersion the version of that plan
 */
public record StakeholderMap(String accountId, int planYear, int planVersion,
    List<PlanContent.Stakeholder> stakeholders) {}
