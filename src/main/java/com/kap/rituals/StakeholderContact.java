package com.kap.rituals;

import java.time.LocalDate;

/**
 * A stakeholder of an account's map with the day of our last contact: the latest ritual held with the customer in
 * which they took part, or null when none has been recorded.
 */
public record StakeholderContact(String name, String title, String buyingRole, String influence, String attitude,
    String owner, String reportsTo, LocalDate lastContact) {}
