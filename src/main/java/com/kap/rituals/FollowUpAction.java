package com.kap.rituals;

import java.time.LocalDate;

/**
 * An action to follow up in the year: from the approved plan's action plan or agreed in a ritual, owned by a person
 * (a KAP user or someone of the customer's side) and worked in Tasklist by its assignee (the owner when a KAP user,
 * else the account's KAM).
 */
public record FollowUpAction(long actionNo, int year, String accountId, Source source, String action, String owner,
    String assignee, LocalDate dueDate, Status status, String note, String closedBy) {

  public enum Source { PLAN, RITUAL }

  public enum Status {
    OPEN("open", "Open"), IN_PROGRESS("inProgress", "In progress"), DONE("done", "Done"), DROPPED("dropped", "Dropped");

    private final String key;
    private final String label;

    Status(String key, String label) {
      this.key = key;
      this.label = label;
    }

    /** As forms submit it. */
    public String key() {
      return key;
    }

    public String label() {
      return label;
    }

    public boolean closed() {
      return this == DONE || this == DROPPED;
    }

    public static java.util.Optional<Status> byKey(String key) {
      return java.util.Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }
  }
}
