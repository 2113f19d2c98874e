package com.kap.planning;

/** The training coordinator writes the cycle's consolidated training plan. */
public record RecordTrainingPlan(int year, String trainingPlan) {}
