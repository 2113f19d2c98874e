package com.kap.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** Backups of the H2 file, the start-up check that refuses a damaged file, and the restore from a backup. */
class H2BackupsTest {

  @TempDir
  Path dir;

  @Test
  void theFileIsFoundInEveryFormOfH2Url() {
    assertThat(H2File.of("jdbc:h2:file:./data/kap;AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE")).get()
        .isEqualTo(new H2File(Path.of("data").toAbsolutePath(), "kap"));
    assertThat(H2File.of("jdbc:h2:/srv/kap/kap")).get().isEqualTo(new H2File(Path.of("/srv/kap"), "kap"));
    assertThat(H2File.of("jdbc:h2:mem:kap-test;DB_CLOSE_DELAY=-1")).isEmpty();
    assertThat(H2File.of("jdbc:h2:tcp://db/kap")).isEmpty();
    assertThat(H2File.of("jdbc:postgresql://localhost/kap")).isEmpty();
    assertThat(H2File.of(null)).isEmpty();
  }

  @Test
  void aBackupIsAZipOfTheDatabaseAndOnlyTheNewestAreKept() throws Exception {
    String url = database("kap", 100);
    H2Backups backups = backups(url, new BackupProperties("-", null, 2), "2026-12-06T01:00:00Z");

    Path first = backups.backUp("scheduled").orElseThrow();
    Path second = backups.backUp("before-cycle").orElseThrow();
    Path third = backups.backUp("before-budget-round").orElseThrow();

    assertThat(first.getFileName()).hasToString("kap-20261206-010000-000-scheduled.zip");
    assertThat(first).doesNotExist();
    assertThat(backups.backups()).containsExactly(second, third);
    assertThat(backups.directory()).isEqualTo(dir.resolve("backups"));
    try (ZipFile zip = new ZipFile(third.toFile())) {
      assertThat(zip.getEntry("kap.mv.db")).isNotNull();
    }
    assertThat(Files.list(dir.resolve("backups")).map(p -> p.getFileName().toString()))
        .as("no partial file left").allMatch(name -> name.endsWith(".zip"));
  }

  @Test
  void aBackupThatCannotBeWrittenSaysWhereAndWhyAndLeavesNothing() throws Exception {
    String url = database("kap", 10);
    Path notAFolder = Files.writeString(dir.resolve("backups-file"), "a file where the folder should be");
    H2Backups backups = backups(url, new BackupProperties("-", notAFolder, 14), "2026-12-06T01:00:00Z");

    assertThatThrownBy(() -> backups.backUp("before-cycle")).isInstanceOf(H2Backups.BackupFailed.class)
        .hasMessageStartingWith("KAP could not back up its database to " + notAFolder + " (before-cycle): ");
  }

  @Test
  void onAnotherDatabaseNothingIsBackedUp() {
    H2Backups backups = new H2Backups(H2File.of("jdbc:postgresql://localhost/kap"),
        new BackupProperties("-", null, 14), null, Clock.systemUTC());
    assertThat(backups.active()).isFalse();
    assertThat(backups.backUp("scheduled")).isEmpty();
    assertThat(backups.backups()).isEmpty();
  }

  @Test
  void aDamagedFileIsRefusedNamingTheNewestBackupAndTheCommandThatRestoresIt() throws Exception {
    String url = database("kap", 1_000);
    H2Backups backups = backups(url, new BackupProperties("-", null, 14), "2026-12-06T01:00:00Z");
    backups.backUp("scheduled");
    Path newest = backups.backUp("scheduled").orElseThrow();
    assertThat(H2FileCheck.check(url, "sa", "")).isEqualTo(1);

    damage(dir.resolve("kap.mv.db"));

    DamagedDatabaseFile refused = null;
    try {
      H2FileCheck.check(url, "sa", "");
    } catch (java.sql.SQLException damaged) {
      assertThat(H2FileCheck.isDamage(damaged)).isTrue();
      refused = new DamagedDatabaseFile(dir.resolve("kap.mv.db"), damaged.getMessage(),
          H2Backups.backupsOf(dir.resolve("backups"), "kap").get(1), dir.resolve("backups"));
    }
    assertThat(refused).as("the damaged file was opened").isNotNull();
    FailureAnalysis analysis = new DamagedDatabaseFileAnalyzer().analyze(refused);
    assertThat(analysis.getDescription()).startsWith("The database file " + dir.resolve("kap.mv.db")
        + " is damaged: File corrupted").contains("KAP does not start on a damaged database.");
    assertThat(analysis.getAction()).contains("java -jar kap.jar --kap.restore=" + newest)
        .contains("-Dspring-boot.run.arguments=--kap.restore=" + newest);

    H2Restore.restore(newest, url, "sa", "");

    assertThat(H2FileCheck.check(url, "sa", "")).isEqualTo(1);
    try (SingleConnectionDataSource restored = new SingleConnectionDataSource(url, "sa", "", true)) {
      assertThat(JdbcClient.create(restored).sql("select count(*) from account").query(Integer.class).single())
          .isEqualTo(1_000);
    }
    assertThat(Files.list(dir).map(p -> p.getFileName().toString()))
        .as("the damaged file is kept").anyMatch(name -> name.startsWith("kap.mv.db.before-restore-"));
  }

  @Test
  void aRestoreRefusesWhatIsNotABackupOfTheDatabase() throws Exception {
    String url = database("kap", 10);
    Path other = backups(database("other", 10), new BackupProperties("-", null, 14), "2026-12-06T01:00:00Z")
        .backUp("scheduled").orElseThrow();

    assertThatThrownBy(() -> H2Restore.restore(dir.resolve("missing.zip"), url, "sa", ""))
        .hasMessage("The backup " + dir.resolve("missing.zip") + " does not exist.");
    assertThatThrownBy(() -> H2Restore.restore(other, url, "sa", ""))
        .hasMessage("The file " + other + " is not a backup of the database kap: it holds no kap.mv.db.");
    assertThatThrownBy(() -> H2Restore.restore(other, "jdbc:postgresql://localhost/kap", "sa", ""))
        .hasMessageContaining("Restore PostgreSQL with its own tools");
    assertThat(H2FileCheck.check(url, "sa", "")).as("the database is untouched").isEqualTo(1);
  }

  private String database(String name, int rows) {
    String url = "jdbc:h2:file:" + dir.resolve(name);
    try (SingleConnectionDataSource source = new SingleConnectionDataSource(url, "sa", "", true)) {
      JdbcClient jdbc = JdbcClient.create(source);
      jdbc.sql("create table account(id int primary key, name varchar(200))").update();
      jdbc.sql("insert into account select x, 'Account ' || x from system_range(1, " + rows + ")").update();
    }
    return url;
  }

  private H2Backups backups(String url, BackupProperties properties, String at) {
    return new H2Backups(H2File.of(url), properties, JdbcClient.create(new DriverManagerDataSource(url, "sa", "")),
        new MinuteByMinute(Instant.parse(at)));
  }

  /** A clock that moves a minute on each reading. */
  private static final class MinuteByMinute extends Clock {
    private Instant now;

    MinuteByMinute(Instant start) {
      this.now = start;
    }

    @Override
    public Instant instant() {
      Instant reading = now;
      now = now.plusSeconds(60);
      return reading;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }

  /** Zeros the file's two headers (its first 8 KB), where H2 finds its newest data: torn writes leave such files. */
  static void damage(Path store) throws Exception {
    try (RandomAccessFile file = new RandomAccessFile(store.toFile(), "rw")) {
      file.seek(0);
      file.write(new byte[8_192]);
    }
  }
}
