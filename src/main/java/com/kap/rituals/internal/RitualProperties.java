package com.kap.rituals.internal;

import java.time.LocalTime;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param gracePeriod how long after its day a ritual may still be recorded before it counts as missed and the
 *     programme director is told
 * @param dueTime when on its day a ritual's task appears
 */
@ConfigurationProperties("kap.rituals")
public record RitualProperties(@DefaultValue("P7D") Period gracePeriod, @DefaultValue("07:00") LocalTime dueTime) {}
