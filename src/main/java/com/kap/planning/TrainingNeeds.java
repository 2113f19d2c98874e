package com.kap.planning;

import java.util.List;
import java.util.Map;

/**
 * Every need of the latest plan version of each account of a cycle, by audience.
 *
 * @param count the needs of all audiences
 * @param byAudience each of {@link PlanContent#TRAINING_AUDIENCES}, in that order, with its needs (accountId,
 *     account name and need)
 */
public record TrainingNeeds(int count, Map<String, List<Map<String, String>>> byAudience) {}
