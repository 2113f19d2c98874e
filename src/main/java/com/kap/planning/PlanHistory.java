package com.kap.planning;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** An account's plan of a year: where it stands, its approved version and every submitted version. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlanHistory(String accountId, int year, AccountPlan.Status status, Integer approvedVersion,
    PlanVersion approved, List<PlanVersion> versions) {}
