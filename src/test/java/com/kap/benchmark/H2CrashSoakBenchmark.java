package com.kap.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kap.support.KapJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Random;
import org.h2.engine.Constants;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * Soak test of the H2 default against crashes: KAP's jar runs cycles of 10,000 accounts; each round kills it (SIGKILL)
 * at a random moment of a fan-out, starts it again, stops it (SIGTERM) a while later and opens the database. Outside CI
 * (minutes per round): {@code ./mvnw -q package -DskipTests && ./mvnw -Pbenchmark test -Dtest=H2CrashSoakBenchmark
 * -Dkap.soak.rounds=12}; {@code -Dh2.version=…} on both commands tries another H2. Keeps the directory of a database that does not
 * open.
 */
class H2CrashSoakBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ACCOUNTS = Integer.getInteger("kap.soak.accounts", 10_000);
  private static final int ROUNDS = Integer.getInteger("kap.soak.rounds", 12);

  @Test
  void theH2DatabaseOpensAfterEveryKillAndStop() throws Exception {
    Path data = Files.createTempDirectory("kap-soak");
    long seed = Long.getLong("kap.soak.seed", System.nanoTime());
    System.out.printf("SOAK H2 %s, seed %d (-Dkap.soak.seed), in %s%n", Constants.FULL_VERSION, seed, data);
    Random random = new Random(seed);
    KapJvm kap = start(data, 0);
    try {
      assertThat(kap.post("diane", "/api/portfolio/import", "text/csv",
          BenchmarkSupport.pyramidPortfolio("SOAK-", ACCOUNTS)).statusCode()).isEqualTo(200);
      int year = 2071;
      startCycle(kap, year);
      for (int round = 1; round <= ROUNDS; round++) {
        year = cycleRunning(kap, year);
        Thread.sleep(10_000 + random.nextInt(20_000));
        long plansAtKill = plans(kap, year);
        kap.kill();
        kap = start(data, 2 * round - 1);
        awaitFanOutResumed(kap, year);
        year = cycleRunning(kap, year);
        Thread.sleep(10_000 + random.nextInt(20_000));
        long plansAtStop = plans(kap, year);
        kap.stop();
        long t0 = System.nanoTime();
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("kap"), "sa", "");
            ResultSet count = db.createStatement().executeQuery("select count(*) from kap_account_plan")) {
          count.next();
          System.out.printf("SOAK round %d: killed at %d plans, stopped at %d plans of cycle %d, opens in %d ms"
              + " (%d plans in all, %d MiB)%n", round, plansAtKill, plansAtStop, year,
              (System.nanoTime() - t0) / 1_000_000, count.getLong(1), Files.size(data.resolve("kap.mv.db")) >> 20);
        } catch (SQLException corrupt) {
          throw new AssertionError("H2 " + Constants.FULL_VERSION + ": the database does not open after round "
              + round + ", kept in " + data, corrupt);
        }
        kap = start(data, 2 * round);
      }
    } finally {
      kap.close();
    }
    System.out.printf("SOAK H2 %s: %d rounds (SIGKILL, restart, SIGTERM), every time the database opened%n",
        Constants.FULL_VERSION, ROUNDS);
    FileSystemUtils.deleteRecursively(data);
  }

  /** The year whose fan-out is running: the current one, or the next one started now when the current is done. */
  private static int cycleRunning(KapJvm kap, int year) throws Exception {
    JsonNode dashboard = dashboard(kap, year);
    if (dashboard.path("plans").asLong() < dashboard.path("accounts").asLong()) {
      return year;
    }
    startCycle(kap, year + 1);
    return year + 1;
  }

  /** The killed JVM's jobs wait out their lock time (5 s here) before the fan-out goes on. */
  private static void awaitFanOutResumed(KapJvm kap, int year) throws Exception {
    long before = plans(kap, year);
    for (int i = 0; i < 100 && plans(kap, year) == before; i++) {
      Thread.sleep(200);
    }
  }

  private static KapJvm start(Path data, int round) throws Exception {
    return KapJvm.start(data, "kap", Map.of("KAP_NODE_NAME", "round-" + round), "--spring.profiles.active=demo",
        "--spring.datasource.url=jdbc:h2:file:" + data.resolve("kap"),
        "--camunda.bpm.job-execution.lock-time-in-millis=5000");
  }

  private static void startCycle(KapJvm kap, int year) throws Exception {
    JsonNode cycle = JSON.readTree(kap.post("diane",
        "/engine-rest/process-definition/key/annualPlanningCycle/submit-form", "application/json",
        "{\"variables\":{\"year\":{\"value\":" + year + "},\"planDeadline\":{\"value\":\"" + (year - 1)
            + "-12-15\"},\"closingDate\":{\"value\":\"" + year + "-03-31\"}}}").body());
    String task = null;
    while (task == null) {
      JsonNode tasks = kap.getJson("diane", "/engine-rest/task?maxResults=10&processInstanceId="
          + cycle.get("id").asText());
      task = tasks.size() > 0 ? tasks.get(0).get("id").asText() : null;
      Thread.sleep(300);
    }
    assertThat(kap.post("diane", "/engine-rest/task/" + task + "/submit-form", "application/json",
        "{\"variables\":{}}").statusCode()).isEqualTo(204);
  }

  private static long plans(KapJvm kap, int year) throws Exception {
    return dashboard(kap, year).path("plans").asLong();
  }

  private static JsonNode dashboard(KapJvm kap, int year) throws Exception {
    return kap.getJson("diane", "/api/programme/" + year + "/dashboard");
  }
}
