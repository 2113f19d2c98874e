package com.kap.platform.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Before KAP opens its H2 file database, checks that the file is whole: H2 opens it and every table is counted.
 * A damaged file stops start-up with {@link DamagedDatabaseFile}, which names the newest backup and the command that
 * restores it, instead of KAP starting on whatever H2 could still read. A missing file is a first start. Registered
 * in META-INF/spring.factories; the restore command itself ({@code --kap.restore}) skips the check.
 */
public class H2FileCheck implements EnvironmentPostProcessor, Ordered {

  /** H2's "File corrupted while reading record". */
  static final int FILE_CORRUPTED = 90030;

  private final Log log;

  public H2FileCheck(DeferredLogFactory logs) {
    this.log = logs.getLog(H2FileCheck.class);
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE; // after H2ShutdownOrder has settled the URL
  }

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (environment.containsProperty(H2Restore.PROPERTY)) {
      return;
    }
    String url;
    try {
      url = environment.getProperty("spring.datasource.url");
    } catch (IllegalArgumentException unresolvedPlaceholder) {
      return; // DatabaseSettingsRequired names the missing setting
    }
    Optional<H2File> file = H2File.of(url);
    if (file.isEmpty() || !Files.exists(file.get().store())) {
      return;
    }
    String user = environment.getProperty("spring.datasource.username", "sa");
    String password = environment.getProperty("spring.datasource.password", "");
    long started = System.nanoTime();
    try {
      int tables = check(url, user, password);
      log.info("The database file " + file.get().store() + " is whole: " + tables + " tables read in "
          + (System.nanoTime() - started) / 1_000_000 + " ms");
    } catch (SQLException failed) {
      if (isDamage(failed)) {
        Path directory = environment.getProperty("kap.backup.directory", Path.class,
            file.get().folder().resolve("backups"));
        List<Path> backups = H2Backups.backupsOf(directory.toAbsolutePath().normalize(), file.get().name());
        throw new DamagedDatabaseFile(file.get().store(), firstLine(failed),
            backups.isEmpty() ? null : backups.get(backups.size() - 1), directory);
      }
      // not the file's fault (a wrong password, the file in use): start-up reports it as it always did
    }
  }

  /** Opens the existing database and counts every table's rows; the number of tables. */
  static int check(String url, String user, String password) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url + ";IFEXISTS=TRUE", user, password);
        Statement statement = connection.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery("select table_schema, table_name from information_schema.tables"
          + " where table_type = 'BASE TABLE' and table_schema <> 'INFORMATION_SCHEMA'")) {
        while (rows.next()) {
          tables.add('"' + rows.getString(1).replace("\"", "\"\"") + "\".\"" + rows.getString(2).replace("\"", "\"\"")
              + '"');
        }
      }
      for (String table : tables) {
        try (ResultSet count = statement.executeQuery("select count(*) from " + table)) {
          count.next();
        }
      }
      return tables.size();
    }
  }

  static boolean isDamage(SQLException failed) {
    for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && sql.getErrorCode() == FILE_CORRUPTED
          || String.valueOf(cause.getMessage()).contains("File corrupted")) {
        return true;
      }
    }
    return false;
  }

  private static String firstLine(SQLException failed) {
    return String.valueOf(failed.getMessage()).lines().findFirst().orElse("");
  }
}
