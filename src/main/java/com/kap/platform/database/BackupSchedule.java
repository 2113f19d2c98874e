package com.kap.platform.database;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** The scheduled backup of the H2 file database, by default every night at 01:00 ({@code kap.backup.cron}). */
@Configuration
@EnableScheduling
public class BackupSchedule {

  private final H2Backups backups;

  public BackupSchedule(H2Backups backups) {
    this.backups = backups;
  }

  @Scheduled(cron = "${kap.backup.cron:0 0 1 * * *}")
  public void backUp() {
    if (backups.active()) {
      backups.backUp("scheduled");
    }
  }
}
