package com.kap.platform.database;

import java.nio.file.Path;

/**
 * KAP's H2 database file cannot be read whole. Start-up stops; {@link DamagedDatabaseFileAnalyzer} tells the operator
 * how to restore the newest backup.
 */
public class DamagedDatabaseFile extends RuntimeException {

  private final transient Path store;
  private final transient Path newestBackup;
  private final transient Path backupDirectory;

  public DamagedDatabaseFile(Path store, String h2Says, Path newestBackup, Path backupDirectory) {
    super("The database file " + store + " is damaged: " + h2Says);
    this.store = store;
    this.newestBackup = newestBackup;
    this.backupDirectory = backupDirectory;
  }

  public Path store() {
    return store;
  }

  /** The newest backup found, or null when there is none. */
  public Path newestBackup() {
    return newestBackup;
  }

  /** What to do: the restore command with the newest backup, or where backups were looked for. */
  public String action() {
    if (newestBackup == null) {
      return "No backup of it was found in " + backupDirectory + ". If you have a copy of the file or a backup zip "
          + "elsewhere, restore it with\n\n    java -jar kap.jar --kap.restore=<backup.zip>\n\n(from the source: "
          + "./mvnw spring-boot:run -Dspring-boot.run.arguments=--kap.restore=<backup.zip>). H2's Recover tool may "
          + "save part of the data; see docs/operations.md, \"Restoring a backup\".";
    }
    return "Restore the newest backup, " + newestBackup + ", with the settings KAP runs with:\n\n"
        + "    java -jar kap.jar --kap.restore=" + newestBackup + "\n\n(from the source: ./mvnw spring-boot:run "
        + "-Dspring-boot.run.arguments=--kap.restore=" + newestBackup + "). It keeps the damaged file beside it, "
        + "restores the backup and stops; then start KAP as usual. Whatever was done after the backup was taken "
        + "must be done again. See docs/operations.md, \"Restoring a backup\".";
  }
}
