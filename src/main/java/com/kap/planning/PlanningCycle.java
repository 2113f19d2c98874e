package com.kap.planning;

import java.time.LocalDate;

/** A year's planning cycle as KAP registered it: its process, its dates and, once written, its training plan. */
public record PlanningCycle(int year, String processInstanceId, LocalDate planDeadline, LocalDate closingDate,
    String trainingPlan, String trainingPlanBy) {}
