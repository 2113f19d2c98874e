package com.kap.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.h2.engine.Constants;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * H2 alone, as KAP opens it, against a crash followed by a clean stop: a writer JVM churns a table from three threads
 * (inserts, updates, deletes, as the engine's job workers do), is killed (SIGKILL) at a random moment, a second writer
 * runs on and closes the database cleanly, then every row is read through the table and through an index and updated
 * (a row left locked for a transaction of the killed JVM cannot be). With H2's defaults the file loses chunks within
 * a few rounds; with the settings {@link H2SafeSettings} adds less often, but not never (README "Crashes on the H2
 * file").
 * Outside CI: {@code ./mvnw -Pbenchmark test -Dtest=H2CrashBenchmark} ({@code -Dkap.h2crash.rounds=20},
 * {@code -Dkap.h2crash.settings=defaults} for H2's own, {@code -Dkap.h2crash.more-settings=;WRITE_DELAY=0} to try
 * more). Keeps the directory of a database that lost data.
 */
class H2CrashBenchmark {

  private static final int ROUNDS = Integer.getInteger("kap.h2crash.rounds", 20);
  private static final boolean H2_DEFAULTS = "defaults".equals(System.getProperty("kap.h2crash.settings"));

  @Test
  void aDatabaseKilledAndThenStoppedCleanlyKeepsEveryRow() throws Exception {
    Path dir = Files.createTempDirectory("kap-h2crash");
    String plain = "jdbc:h2:file:" + dir.resolve("churn");
    String url = (H2_DEFAULTS ? plain : H2SafeSettings.withSafeSettings(plain))
        + System.getProperty("kap.h2crash.more-settings", "");
    long seed = Long.getLong("kap.h2crash.seed", System.nanoTime());
    Random random = new Random(seed);
    System.out.printf("H2 CRASH %s, %s, seed %d (-Dkap.h2crash.seed), in %s%n", Constants.FULL_VERSION, url, seed,
        dir);
    for (int round = 1; round <= ROUNDS; round++) {
      Process killed = churn(url, 0);
      Thread.sleep(3_000 + random.nextInt(9_000));
      killed.destroyForcibly().waitFor();
      Process stopped = churn(url, 4_000 + random.nextInt(10_000));
      assertThat(stopped.waitFor()).as("the second writer of round %d ended without an error", round).isZero();
      try (Connection db = DriverManager.getConnection(url, "sa", "");
          ResultSet table = db.createStatement().executeQuery("select count(*), sum(length(payload)) from churn");
          ResultSet index = db.createStatement().executeQuery("select count(*) from churn where k >= 0")) {
        table.next();
        index.next();
        assertThat(index.getLong(1)).as("rows through the index").isEqualTo(table.getLong(1));
        // a row still locked for a transaction of the killed JVM cannot be written any more
        db.setAutoCommit(false);
        db.createStatement().execute("set lock_timeout 2000");
        assertThat(db.createStatement().executeUpdate("update churn set v = v + 1")).isEqualTo(table.getLong(1));
        db.rollback();
        System.out.printf("H2 CRASH round %d: %d rows read, %d MiB%n", round, table.getLong(1),
            Files.size(dir.resolve("churn.mv.db")) >> 20);
      } catch (SQLException lost) {
        throw new AssertionError("H2 " + Constants.FULL_VERSION + " lost data in round " + round + " (" + url
            + "), kept in " + dir, lost);
      }
    }
    System.out.printf("H2 CRASH %s, %s: %d rounds, every row read each time%n", Constants.FULL_VERSION,
        H2_DEFAULTS ? "H2's defaults" : "KAP's settings", ROUNDS);
    FileSystemUtils.deleteRecursively(dir);
  }

  private static Process churn(String url, int millis) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    return new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"), Churn.class.getName(), url,
        String.valueOf(millis)).inheritIO().start();
  }

  /** The writer: three threads churn the table until killed, or for the given milliseconds and then close. */
  public static final class Churn {

    public static void main(String[] arguments) throws Exception {
      String url = arguments[0];
      long millis = Long.parseLong(arguments[1]);
      long end = millis == 0 ? Long.MAX_VALUE : System.currentTimeMillis() + millis;
      try (Connection db = DriverManager.getConnection(url, "sa", "")) {
        db.createStatement().execute("create table if not exists churn(id bigint auto_increment primary key, k int,"
            + " v int, payload varchar(4000))");
        db.createStatement().execute("create index if not exists churn_k on churn(k)");
        ExecutorService threads = Executors.newFixedThreadPool(3);
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
          int keys = t * 1_000_000;
          writers.add(threads.submit(() -> write(url, keys, end)));
        }
        for (Future<?> writer : writers) {
          writer.get();
        }
        threads.shutdown();
      }
    }

    private static Void write(String url, int keys, long end) throws SQLException {
      ThreadLocalRandom random = ThreadLocalRandom.current();
      try (Connection db = DriverManager.getConnection(url, "sa", "");
          PreparedStatement insert = db.prepareStatement("insert into churn(k, v, payload) values (?, 0, ?)");
          PreparedStatement update = db.prepareStatement("update churn set payload = ?, v = v + 1 where k = ?");
          PreparedStatement delete = db.prepareStatement("delete from churn where k = ?")) {
        db.setAutoCommit(false);
        for (int n = 1; System.currentTimeMillis() < end; n++) {
          int key = keys + random.nextInt(60_000);
          String payload = "p".repeat(50 + random.nextInt(1_500));
          int operation = random.nextInt(10);
          if (operation < 5) {
            insert.setInt(1, key);
            insert.setString(2, payload);
            insert.executeUpdate();
          } else if (operation < 8) {
            update.setString(1, payload);
            update.setInt(2, key);
            update.executeUpdate();
          } else {
            delete.setInt(1, key);
            delete.executeUpdate();
          }
          if (n % 30 == 0) {
            db.commit();
          }
        }
        db.commit();
      }
      return null;
    }
  }
}
