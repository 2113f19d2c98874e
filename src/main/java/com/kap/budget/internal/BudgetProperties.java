package com.kap.budget.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param appealWorkingDays how long a KAM has to appeal an unfunded bid, in working days (Monday to Friday)
 * @param taskWorkingDays by when directors' tasks (score, calibrate, decide, review an appeal) are due, in working
 *     days after they appear
 */
@ConfigurationProperties("kap.budget")
public record BudgetProperties(@DefaultValue("10") int appealWorkingDays, @DefaultValue("5") int taskWorkingDays) {}
