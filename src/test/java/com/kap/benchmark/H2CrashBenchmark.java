package com.kap.benchmark;

import com.kap.platform.database.H2ShutdownOrder;
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
 * (a row left locked for a transaction of the killed JVM cannot be). A round that loses data keeps its database and
 * the next round starts a new one; the result is how many rounds lost data. Outside CI:
 * {@code ./mvnw -Pbenchmark test -Dtest=H2CrashBenchmark} ({@code -Dkap.h2crash.rounds=20},
 * {@code -Dkap.h2crash.settings=defaults} for H2's own instead of KAP's ({@link H2ShutdownOrder}),
 * {@code -Dkap.h2crash.more-settings=;WRITE_DELAY=0} to try more, {@code -Dh2.version=…} for another H2).
 */
class H2CrashBenchmark {

  private static final int ROUNDS = Integer.getInteger("kap.h2crash.rounds", 20);
  private static final boolean H2_DEFAULTS = "defaults".equals(System.getProperty("kap.h2crash.settings"));
  private static final String MORE_SETTINGS = System.getProperty("kap.h2crash.more-settings", "");

  @Test
  void roundsOfKillRestartAndStopThatLoseData() throws Exception {
    long seed = Long.getLong("kap.h2crash.seed", System.nanoTime());
    Random random = new Random(seed);
    String settings = (H2_DEFAULTS ? "H2's defaults" : "KAP's settings") + MORE_SETTINGS;
    System.out.printf("H2 CRASH %s, %s, seed %d (-Dkap.h2crash.seed)%n", Constants.FULL_VERSION, settings, seed);
    List<String> lost = new ArrayList<>();
    Path dir = Files.createTempDirectory("kap-h2crash");
    for (int round = 1; round <= ROUNDS; round++) {
      String url = url(dir);
      Process killed = churn(url, 0);
      Thread.sleep(3_000 + random.nextInt(9_000));
      killed.destroyForcibly().waitFor();
      Process stopped = churn(url, 4_000 + random.nextInt(10_000));
      String loss = stopped.waitFor() == 0 ? check(url) : "the second writer failed (see its output above)";
      System.out.printf("H2 CRASH round %d: %s, %d MiB%n", round, loss == null ? "every row read and written" : loss,
          Files.size(dir.resolve("churn.mv.db")) >> 20);
      if (loss != null) {
        lost.add("round " + round + ": " + loss + " (kept in " + dir + ")");
        dir = Files.createTempDirectory("kap-h2crash");
      }
    }
    FileSystemUtils.deleteRecursively(dir);
    BenchmarkSupport.reportRow("H2 " + Constants.FULL_VERSION + ", " + settings + ": rounds of SIGKILL, restart, clean "
        + "stop", ROUNDS + " rounds, " + lost.size() + " lost data" + (lost.isEmpty() ? "" : ": " + lost));
  }

  private static String url(Path dir) {
    String plain = "jdbc:h2:file:" + dir.resolve("churn");
    return (H2_DEFAULTS ? plain : H2ShutdownOrder.withSpringClosing(plain)) + MORE_SETTINGS;
  }

  /** Null when every row reads through the table and the index and can be written; else what went wrong. */
  private static String check(String url) {
    try (Connection db = DriverManager.getConnection(url, "sa", "");
        ResultSet table = db.createStatement().executeQuery("select count(*), sum(length(payload)) from churn");
        ResultSet index = db.createStatement().executeQuery("select count(*) from churn where k >= 0")) {
      table.next();
      index.next();
      if (index.getLong(1) != table.getLong(1)) {
        return table.getLong(1) + " rows in the table, " + index.getLong(1) + " through the index";
      }
      // a row still locked for a transaction of the killed JVM cannot be written any more
      db.setAutoCommit(false);
      db.createStatement().execute("set lock_timeout 2000");
      db.createStatement().executeUpdate("update churn set v = v + 1");
      db.rollback();
      return null;
    } catch (SQLException failed) {
      String cause = failed.getCause() == null ? "" : " / " + failed.getCause().getMessage();
      String message = failed.getMessage().lines().findFirst().orElse("") + cause;
      return message.length() > 200 ? message.substring(0, 200) + "…" : message;
    }
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
        try {
          List<Future<?>> writers = new ArrayList<>();
          for (int t = 0; t < 3; t++) {
            int keys = t * 1_000_000;
            writers.add(threads.submit(() -> write(url, keys, end)));
          }
          for (Future<?> writer : writers) {
            writer.get();
          }
        } finally {
          threads.shutdownNow(); // a writer that failed ends the JVM (exit code 1) instead of leaving it hanging
        }
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
