package com.kap.planning;

import static org.assertj.core.api.Assertions.assertThat;

import com.kap.support.Api;
import com.kap.support.DemoCycle;

/** The training tests' cycle years (2151-2155): each gets its planning cycle once, started as diane does it. */
final class TrainingYears {

  private TrainingYears() {}

  /** Starts the year's planning cycle unless an earlier test of the run started it already. */
  static void cycle(Api api, int year) {
    assertThat(year).isBetween(2151, 2155);
    new DemoCycle(api, year).startOnce();
  }
}
