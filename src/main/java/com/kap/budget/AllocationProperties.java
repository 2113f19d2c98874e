package com.kap.budget;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param timeLimit how long CP-SAT may search per exact solve: the allocation, and each sensitivity point */
@ConfigurationProperties("kap.budget.optimiser")
public record AllocationProperties(@DefaultValue("10s") Duration timeLimit) {

  public AllocationProperties {
    if (timeLimit == null || timeLimit.isNegative() || timeLimit.isZero()) {
      throw new IllegalArgumentException("kap.budget.optimiser.time-limit: must be above 0, got " + timeLimit);
    }
  }
}
