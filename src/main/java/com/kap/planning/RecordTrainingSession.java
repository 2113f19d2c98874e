package com.kap.planning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

/**
 * The training coordinator (or the programme director) records a training session delivered. Each field is read
 * from the start form when its check runs, so that a refusal names every problem of the form at once, a wrong type
 * and a broken rule alike; {@link #of} gives values already typed.
 *
 * @param recordedBy the authenticated user who records it, never a form value
 */
public record RecordTrainingSession(Supplier<Integer> year, Supplier<String> title, Supplier<String> audience,
    Supplier<LocalDate> deliveredOn, Supplier<BigDecimal> hours, Supplier<List<String>> participants,
    Supplier<List<String>> accountIds, Supplier<String> notes, String recordedBy) {

  /** A session with its values typed already (e.g. from code rather than a form); still checked in full. */
  public static RecordTrainingSession of(int year, String title, String audience, LocalDate deliveredOn,
      BigDecimal hours, List<String> participants, List<String> accountIds, String notes, String recordedBy) {
    return new RecordTrainingSession(() -> year, () -> title, () -> audience, () -> deliveredOn, () -> hours,
        () -> participants, () -> accountIds, () -> notes, recordedBy);
  }
}
