package com.kap.platform.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.zip.ZipFile;
import org.h2.tools.Restore;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * The restore command: {@code java -jar kap.jar --kap.restore=data/backups/kap-….zip}, run while KAP is stopped,
 * with the settings KAP runs with (its profiles and {@code spring.datasource.url} say where the database lives). It
 * keeps the current file beside it as {@code kap.mv.db.before-restore-<time>}, puts the backup's file in its place,
 * checks that it opens whole, and stops. KAP then starts as usual on the restored database.
 */
public final class H2Restore {

  public static final String PROPERTY = "kap.restore";
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
      .withZone(ZoneOffset.UTC);

  private H2Restore() {}

  /** True when the command line asks for a restore rather than for KAP. */
  public static boolean asked(String... args) {
    for (String arg : args) {
      if (arg.startsWith("--" + PROPERTY + "=")) {
        return true;
      }
    }
    return false;
  }

  /** Reads KAP's settings as start-up would (without starting anything), then restores; the restored store. */
  public static Path run(String... args) {
    try (ConfigurableApplicationContext settings = new SpringApplicationBuilder(Settings.class)
        .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false).run(args)) {
      Environment environment = settings.getEnvironment();
      return restore(Path.of(environment.getRequiredProperty(PROPERTY)),
          environment.getProperty("spring.datasource.url"),
          environment.getProperty("spring.datasource.username", "sa"),
          environment.getProperty("spring.datasource.password", ""));
    }
  }

  static Path restore(Path backup, String url, String user, String password) {
    H2File database = H2File.of(url).orElseThrow(() -> new IllegalStateException("--kap.restore restores KAP's H2 "
        + "file database, but spring.datasource.url is " + url + ". Restore PostgreSQL with its own tools."));
    if (!Files.isRegularFile(backup)) {
      throw new IllegalStateException("The backup " + backup.toAbsolutePath() + " does not exist.");
    }
    try (ZipFile zip = new ZipFile(backup.toFile())) {
      if (zip.getEntry(database.name() + ".mv.db") == null) {
        throw new IllegalStateException("The file " + backup.toAbsolutePath() + " is not a backup of the database "
            + database.name() + ": it holds no " + database.name() + ".mv.db.");
      }
    } catch (IOException notAZip) {
      throw new IllegalStateException("The file " + backup.toAbsolutePath() + " is not a backup (a zip file): "
          + notAZip.getMessage(), notAZip);
    }
    Path store = database.store();
    try {
      Files.createDirectories(database.folder());
      if (Files.exists(store)) {
        refuseWhileInUse(store);
        Path kept = store.resolveSibling(store.getFileName() + ".before-restore-" + STAMP.format(Instant.now()));
        Files.move(store, kept);
        System.out.println("KAP: kept the current database file as " + kept);
      }
      Restore.execute(backup.toString(), database.folder().toString(), database.name());
    } catch (IOException | RuntimeException failed) {
      if (failed instanceof IllegalStateException refused) {
        throw refused;
      }
      throw new IllegalStateException("Could not restore " + backup + " to " + store + ": " + failed.getMessage(),
          failed);
    }
    try {
      H2FileCheck.check(url, user, password);
    } catch (SQLException failed) {
      throw new IllegalStateException("The restored database " + store + " does not open whole either ("
          + failed.getMessage().lines().findFirst().orElse("") + "): try an older backup.", failed);
    }
    System.out.println("KAP: restored " + store + " from " + backup.toAbsolutePath() + ". Start KAP as usual.");
    return store;
  }

  /** A running KAP holds a lock on its file: restoring under it would lose the restore or damage the file. */
  private static void refuseWhileInUse(Path store) throws IOException {
    try (FileChannel channel = FileChannel.open(store, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock()) {
      if (lock == null) {
        throw new IllegalStateException("The database " + store + " is in use: stop KAP before restoring.");
      }
    } catch (java.nio.channels.OverlappingFileLockException inThisJvm) {
      throw new IllegalStateException("The database " + store + " is in use: stop KAP before restoring.", inThisJvm);
    }
  }

  /** No beans: the command needs only KAP's settings. */
  static class Settings {}
}
