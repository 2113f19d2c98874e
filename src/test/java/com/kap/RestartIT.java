package com.kap;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * KAP restarted on the same H2 file database, as a user restarts the README's run command; and a process owner's
 * deployment from Camunda Modeler across a restart.
 */
class RestartIT {

  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path data;

  @Test
  void aRestartWithoutChangesDeploysNothingNewAndSeedsNothingTwice() throws Exception {
    String url = "--spring.datasource.url=jdbc:h2:file:" + data.resolve("kap").toAbsolutePath();

    Snapshot first = run(url);
    Snapshot second = run(url);

    assertThat(first.definitionVersions()).containsKeys("annualPlanningCycle");
    assertThat(second.definitionVersions()).isEqualTo(first.definitionVersions());
    assertThat(second.deployments()).isEqualTo(first.deployments());
    assertThat(second.decisions()).isEqualTo(first.decisions()).isPositive();
    assertThat(second.accounts()).isEqualTo(first.accounts()).isEqualTo(24);
    assertThat(second.filters()).isEqualTo(first.filters());
  }

  @Test
  void aDiagramAProcessOwnerDeployedFromCamundaModelerStaysTheLatestVersionAfterARestart() throws Exception {
    String url = "--spring.datasource.url=jdbc:h2:file:" + data.resolve("kap").toAbsolutePath();
    String changed = Files.readString(Path.of("bpmn", "accountPlan.bpmn"))
        .replace("name=\"Account plan\"", "name=\"Account plan (process owner's change)\"");

    int modelerVersion;
    try (ConfigurableApplicationContext app = start(url)) {
      HttpResponse<String> deployed = deployAsModelerDoes(app, "paula", "accountPlan.bpmn", changed);
      assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
      modelerVersion = latest(app, "accountPlan").getVersion();
      assertThat(latest(app, "accountPlan").getName()).isEqualTo("Account plan (process owner's change)");
      assertThat(deployAsModelerDoes(app, "alice", "accountPlan.bpmn", changed).statusCode()).isEqualTo(403);
    }

    try (ConfigurableApplicationContext app = start(url)) {
      ProcessDefinition latest = latest(app, "accountPlan");
      assertThat(latest.getVersion()).as("the unchanged copy in bpmn/ is not deployed over it").isEqualTo(modelerVersion);
      assertThat(latest.getName()).isEqualTo("Account plan (process owner's change)");
    }
  }

  private static ConfigurableApplicationContext start(String url) {
    return new SpringApplicationBuilder(KapApplication.class).profiles("demo").run(url, "--server.port=0");
  }

  private static ProcessDefinition latest(ConfigurableApplicationContext app, String key) {
    return app.getBean(RepositoryService.class).createProcessDefinitionQuery().processDefinitionKey(key)
        .latestVersion().singleResult();
  }

  /** POST /engine-rest/deployment/create as Camunda Modeler's deploy dialog sends it: multipart, HTTP Basic. */
  private static HttpResponse<String> deployAsModelerDoes(ConfigurableApplicationContext app, String user,
      String fileName, String diagram) throws Exception {
    String boundary = "kapModelerBoundary";
    String body = part(boundary, "deployment-name", null, "accountPlan change")
        + part(boundary, "deployment-source", null, "Camunda Modeler")
        + part(boundary, "deploy-changed-only", null, "true")
        + part(boundary, "data", fileName, diagram) + "--" + boundary + "--\r\n";
    int port = ((ServletWebServerApplicationContext) app).getWebServer().getPort();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/engine-rest/deployment/create"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofString(body, UTF_8)).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static String part(String boundary, String name, String fileName, String content) {
    return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
        + (fileName == null ? "" : "; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream")
        + "\r\n\r\n" + content + "\r\n";
  }

  private static Snapshot run(String url) {
    try (ConfigurableApplicationContext app = start(url)) {
      RepositoryService repository = app.getBean(RepositoryService.class);
      Map<String, Integer> versions = new TreeMap<>();
      for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
        versions.put(definition.getKey(), definition.getVersion());
      }
      return new Snapshot(versions, repository.createDeploymentQuery().count(),
          repository.createDecisionDefinitionQuery().count(),
          app.getBean(com.kap.portfolio.internal.AccountRepository.class).count(),
          app.getBean(org.camunda.bpm.engine.FilterService.class).createFilterQuery().count());
    }
  }

  record Snapshot(Map<String, Integer> definitionVersions, long deployments, long decisions, long accounts,
      long filters) {}
}
