package com.kap.planning;

import java.util.Date;

/**
 * The cycle starts the plans of one chunk of its accounts ({@link CyclePlans#PLANS_PER_JOB} each); every plan gets
 * the cycle's deadline and the moments of its timers.
 *
 * @param chunk the chunk's index, one of {@link CyclePlans#chunks(int)}
 */
public record StartPlanChunk(int year, int chunk, String planDeadline, Date planDeadlineDue, Date reminderDue) {}
