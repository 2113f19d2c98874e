package com.kap.platform.database;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Online backups of the H2 file database, while KAP runs: H2's {@code BACKUP TO} writes a consistent zip of the
 * database (committed data only; users go on working meanwhile). A backup is first written under a temporary name and
 * then renamed, so a file named like a backup is always whole. After each backup only the newest
 * {@code kap.backup.keep} are kept. On PostgreSQL this does nothing: back up PostgreSQL with its own tools.
 */
@Component
public class H2Backups {

  private static final Logger LOG = LoggerFactory.getLogger(H2Backups.class);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
      .withZone(ZoneOffset.UTC);

  private final Optional<H2File> database;
  private final Path directory;
  private final int keep;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final AtomicLong lastSuccess = new AtomicLong();

  @Autowired
  public H2Backups(@Value("${spring.datasource.url:}") String url, BackupProperties properties,
      DataSource dataSource, ObjectProvider<MeterRegistry> meters) {
    this(H2File.of(url), properties, JdbcClient.create(dataSource), Clock.systemUTC());
    meters.ifAvailable(registry -> database.ifPresent(file -> Gauge.builder("kap.backup.last", lastSuccess,
            AtomicLong::doubleValue).baseUnit("seconds")
        .description("when the last backup of the H2 database was written (seconds since 1970; 0: none since start)")
        .register(registry)));
  }

  H2Backups(Optional<H2File> database, BackupProperties properties, JdbcClient jdbc, Clock clock) {
    this.database = database;
    this.directory = database.map(file -> properties.directory() != null
        ? properties.directory().toAbsolutePath().normalize() : file.folder().resolve("backups")).orElse(null);
    this.keep = properties.keep();
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** True when KAP runs on an H2 file, the only database these backups are for. */
  public boolean active() {
    return database.isPresent();
  }

  public Path directory() {
    return directory;
  }

  /**
   * Writes a backup now and removes the oldest beyond the number to keep; {@code reason} ends the file's name, e.g.
   * {@code kap-20261206-010000-000-nightly.zip}. Empty on a database other than an H2 file.
   */
  public Optional<Path> backUp(String reason) {
    if (database.isEmpty()) {
      return Optional.empty();
    }
    String name = database.get().name();
    Instant now = clock.instant();
    Path backup = directory.resolve(name + "-" + STAMP.format(now) + "-" + reason + ".zip");
    Path partial = directory.resolve("." + backup.getFileName() + ".part");
    long started = System.nanoTime();
    try {
      Files.createDirectories(directory);
      jdbc.sql("BACKUP TO '" + partial.toString().replace("'", "''") + "'").update();
      Files.move(partial, backup, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException failed) {
      try {
        Files.deleteIfExists(partial);
      } catch (IOException notDeleted) {
        failed.addSuppressed(notDeleted);
      }
      throw new BackupFailed("KAP could not back up its database to " + directory + " (" + reason + "): "
          + failed.getMessage(), failed);
    }
    lastSuccess.set(now.getEpochSecond());
    LOG.info("Backed up the database to {} ({} KB, {} ms)", backup, size(backup) / 1024,
        (System.nanoTime() - started) / 1_000_000);
    removeOld(name);
    return Optional.of(backup);
  }

  /** The backups of this database in the backup folder, oldest first. */
  public List<Path> backups() {
    return database.map(file -> backupsOf(directory, file.name())).orElse(List.of());
  }

  /** The backups of database {@code name} in {@code directory}, oldest first (their names sort by time). */
  static List<Path> backupsOf(Path directory, String name) {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    Pattern backup = Pattern.compile(Pattern.quote(name) + "-\\d{8}-\\d{6}-\\d{3}(-[A-Za-z0-9-]+)?\\.zip");
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(file -> backup.matcher(file.getFileName().toString()).matches()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void removeOld(String name) {
    List<Path> backups = backupsOf(directory, name);
    for (Path old : backups.subList(0, Math.max(0, backups.size() - keep))) {
      try {
        Files.delete(old);
        LOG.info("Removed the backup {}: kap.backup.keep is {}", old, keep);
      } catch (IOException notDeleted) {
        LOG.warn("Could not remove the old backup {}: {}", old, notDeleted.toString());
      }
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  /** A backup could not be written; what was to follow it (a cycle's or a round's start) does not happen. */
  public static class BackupFailed extends RuntimeException {
    BackupFailed(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
