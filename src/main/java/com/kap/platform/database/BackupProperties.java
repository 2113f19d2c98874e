package com.kap.platform.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Backups of the H2 file database ({@code kap.backup.*}).
 *
 * @param cron when the scheduled backup runs (Spring cron, server time zone); {@code -} turns it off
 * @param directory where backups go; empty for {@code backups/} beside the database file
 * @param keep how many backups are kept: after each backup the oldest beyond this number are deleted
 */
@ConfigurationProperties("kap.backup")
public record BackupProperties(@DefaultValue("0 0 1 * * *") String cron, Path directory,
    @DefaultValue("14") int keep) {

  public BackupProperties {
    if (keep < 1) {
      throw new IllegalArgumentException("kap.backup.keep must be 1 or more: it is " + keep);
    }
  }
}
