package com.kap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** KAP restarted on the same H2 file database, as a user restarts the README's run command. */
class RestartIT {

  @Test
  void aRestartWithoutChangesDeploysNothingNewAndSeedsNothingTwice() throws Exception {
    Path data = Files.createTempDirectory("kap-restart");
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

  private static Snapshot run(String url) {
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(KapApplication.class)
        .profiles("demo").run(url, "--server.port=0")) {
      RepositoryService repository = app.getBean(RepositoryService.class);
      Map<String, Integer> versions = new TreeMap<>();
      for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
        versions.put(definition.getKey(), definition.getVersion());
      }
      return new Snapshot(versions, repository.createDeploymentQuery().count(),
          repository.createDecisionDefinitionQuery().count(),
          app.getBean(com.kap.portfolio.AccountRepository.class).count(),
          app.getBean(org.camunda.bpm.engine.FilterService.class).createFilterQuery().count());
    }
  }

  record Snapshot(Map<String, Integer> definitionVersions, long deployments, long decisions, long accounts,
      long filters) {}
}
