package com.kap.rituals.internal;

import com.kap.rituals.AccountHealth;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Every night (by default at 02:30, {@code kap.health.cron}) the health of every account of this year is computed in
 * bulk and the changed snapshots stored. On a cluster each node runs it: a day's snapshot of an account is stored once
 * (a conditional insert keyed by account, year and day), and both compute the same.
 */
@Configuration
@EnableScheduling
public class AccountHealthSchedule {

  private final AccountHealth health;

  public AccountHealthSchedule(AccountHealth health) {
    this.health = health;
  }

  @Scheduled(cron = "${kap.health.cron:0 30 2 * * *}", zone = "${kap.cycle.time-zone}")
  public void computeAll() {
    health.storeAll(health.today().getYear());
  }
}
