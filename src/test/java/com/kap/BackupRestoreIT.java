package com.kap;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kap.platform.database.BackupSchedule;
import com.kap.platform.database.DamagedDatabaseFile;
import com.kap.platform.database.H2Backups;
import com.kap.support.CycleForms;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The H2 default's backups end to end, as an operator meets them: KAP backs up on its schedule and before a cycle
 * starts; a damaged file stops the next start with the restore command; the command restores the newest backup, and
 * KAP starts on it with everything up to that backup.
 */
class BackupRestoreIT {

  private static final int YEAR = 2031;

  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path data;

  @Test
  void aDamagedFileIsRefusedAndTheNewestBackupRestoresEverythingUpToIt() throws Exception {
    String url = "--spring.datasource.url=jdbc:h2:file:" + data.resolve("kap").toAbsolutePath();
    Path backups = data.resolve("backups");
    try (ConfigurableApplicationContext app = start(url)) {
      app.getBean(BackupSchedule.class).backUp();
      HttpResponse<String> started = post(app, "diane",
          "/engine-rest/process-definition/key/annualPlanningCycle/submit-form", CycleForms.startForm(YEAR));
      assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
      assertThat(app.getBean(H2Backups.class).backups()).as("backups in %s", backups).hasSize(2)
          .map(p -> p.getFileName().toString()).satisfiesExactly(
              name -> assertThat(name).startsWith("kap-").endsWith("-scheduled.zip"),
              name -> assertThat(name).startsWith("kap-").endsWith("-before-cycle.zip"));
      assertThat(cycles(app)).isEqualTo(1);
    }
    List<Path> taken;
    try (var files = Files.list(backups)) {
      taken = files.sorted().toList();
    }
    Path beforeCycle = taken.get(1);

    try (RandomAccessFile file = new RandomAccessFile(data.resolve("kap.mv.db").toFile(), "rw")) {
      file.write(new byte[8_192]); // both headers gone, as a torn write can leave them
    }

    assertThatThrownBy(() -> start(url)).isInstanceOfSatisfying(DamagedDatabaseFile.class, refused -> {
      assertThat(refused.getMessage()).startsWith("The database file " + data.resolve("kap.mv.db")
          + " is damaged: File corrupted");
      assertThat(refused.newestBackup()).isEqualTo(beforeCycle);
      assertThat(refused.action()).contains("java -jar kap.jar --kap.restore=" + beforeCycle);
    });

    KapApplication.main(new String[] {"--kap.restore=" + beforeCycle, url, "--spring.profiles.active=demo"});

    try (ConfigurableApplicationContext app = start(url)) {
      JdbcClient db = JdbcClient.create(app.getBean(javax.sql.DataSource.class));
      assertThat(db.sql("select count(*) from kap_account").query(Integer.class).single())
          .as("the portfolio, as it was before the cycle").isEqualTo(24);
      assertThat(cycles(app)).as("the cycle started after the backup").isZero();
      HttpResponse<String> again = post(app, "diane",
          "/engine-rest/process-definition/key/annualPlanningCycle/submit-form", CycleForms.startForm(YEAR));
      assertThat(again.statusCode()).as("the cycle can be started again: " + again.body()).isEqualTo(200);
    }
    try (var files = Files.list(data)) {
      assertThat(files.map(p -> p.getFileName().toString())).as("the damaged file is kept")
          .anyMatch(name -> name.startsWith("kap.mv.db.before-restore-"));
    }
  }

  private static long cycles(ConfigurableApplicationContext app) {
    return app.getBean(RuntimeService.class).createProcessInstanceQuery()
        .processDefinitionKey("annualPlanningCycle").count();
  }

  private static ConfigurableApplicationContext start(String url) {
    return new SpringApplicationBuilder(KapApplication.class).profiles("demo").run(url, "--server.port=0");
  }

  private static HttpResponse<String> post(ConfigurableApplicationContext app, String user, String path, String json)
      throws Exception {
    int port = ((ServletWebServerApplicationContext) app).getWebServer().getPort();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofString(json, UTF_8)).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }
}
