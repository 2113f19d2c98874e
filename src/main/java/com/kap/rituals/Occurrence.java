package com.kap.rituals;

import java.time.LocalDate;

/** One planned ritual of an account: its date, host and, once due, what happened. */
public record Occurrence(long occurrenceNo, int year, String accountId, String ritualType, LocalDate plannedDate,
    String host, String customerParticipants, int sequence, Status status, LocalDate heldDate, String attendees,
    String minutes, String decisions, Integer satisfaction, String recordedBy, java.time.Instant updatedAt) {

  public enum Status { PROPOSED, PLANNED, HELD, NOT_HELD, MISSED, CANCELLED }

  public RitualType type() {
    return RitualType.byKey(ritualType).orElseThrow(() -> new IllegalStateException("unknown ritual " + ritualType));
  }

  public String id() {
    return "RIT-" + occurrenceNo;
  }
}
