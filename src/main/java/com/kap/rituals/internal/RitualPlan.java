package com.kap.rituals.internal;

/** An account's rituals for a cycle year: proposed by the KAM, validated by the programme director, then held. */
public record RitualPlan(int year, String accountId, String segment, Status status, String processInstanceId,
    String justification, String directorComments) {

  public enum Status { PROPOSING, VALIDATING, ACTIVE, ENDED }
}
