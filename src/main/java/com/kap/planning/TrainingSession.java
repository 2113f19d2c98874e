package com.kap.planning;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A training session delivered in a cycle year, as recorded through the process {@code recordTraining}.
 *
 * @param audience one of {@link PlanContent#TRAINING_AUDIENCES}
 * @param participants the KAP user ids who attended, sorted
 * @param accountIds the accounts whose training needs it answers, sorted; empty when none was named
 * @param recordedBy who started the process (the authenticated user), never a form value
 */
public record TrainingSession(long sessionNo, int year, String title, String audience, LocalDate deliveredOn,
    BigDecimal hours, List<String> participants, List<String> accountIds, String notes, String recordedBy,
    Instant recordedAt) {

  public TrainingSession {
    participants = List.copyOf(participants);
    accountIds = List.copyOf(accountIds);
  }
}
