package com.kap.support;

import java.time.Duration;
import java.time.Instant;

/** Polls a condition that may read over HTTP or JDBC (and so throw) every 200 ms until it holds or time runs out. */
public final class Await {

  private Await() {}

  @FunctionalInterface
  public interface Condition {
    boolean holds() throws Exception;
  }

  public static void until(Condition done, Duration limit, String what) throws Exception {
    Instant deadline = Instant.now().plus(limit);
    while (!done.holds()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("waited " + limit + " for " + what);
      }
      Thread.sleep(200);
    }
  }
}
