package com.kap.planning;

/** The KAM submits a draft of the plan. */
public record SubmitPlan(PlanFacts.PlanKey plan, PlanContent content) {}
