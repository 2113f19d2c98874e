package com.kap.budget.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param timeLimit the one deadline of a whole call: the allocation, its tie-break and, when asked for, its ±10 %
 *     points; what the search has not proven by then is marked as not proven
 * @param nodeLimit how many branch-and-bound nodes the solver may take per solve: a limit of work, not of time, so
 *     that a search it cuts short ends with the same allocation on every run
 */
@ConfigurationProperties("kap.budget.optimiser")
public record AllocationProperties(@DefaultValue("10s") Duration timeLimit, @DefaultValue("20000") long nodeLimit) {

  @ConstructorBinding
  public AllocationProperties {
    if (timeLimit == null || timeLimit.isNegative() || timeLimit.isZero()) {
      throw new IllegalArgumentException("kap.budget.optimiser.time-limit: must be above 0, got " + timeLimit);
    }
    if (nodeLimit <= 0) {
      throw new IllegalArgumentException("kap.budget.optimiser.node-limit: must be above 0, got " + nodeLimit);
    }
  }

  public AllocationProperties(Duration timeLimit) {
    this(timeLimit, 20_000);
  }
}
