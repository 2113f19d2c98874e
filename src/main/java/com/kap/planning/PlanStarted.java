package com.kap.planning;

/**
 * A registered plan and what its tasks and filters show.
 *
 * @param segment the account's segment label in the cycle year
 * @param lastYearsPlan last year's approved plan, which pre-fills the draft; null when there is none
 */
public record PlanStarted(String accountName, String kam, String sponsor, String segment,
    PlanContent lastYearsPlan) {}
