package com.kap.platform.migration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.kap.platform.identity.CurrentUser;
import com.kap.platform.identity.Roles;
import com.kap.platform.web.ApiException;
import java.util.List;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Process owners move running instances to a newer version of their process, after a dry run. */
@RestController
@RequestMapping("/api")
public class MigrationController {

  private final Migrations migrations;
  private final ProcessVersions versions;
  private final CurrentUser currentUser;
  private final ObjectMapper json;

  public MigrationController(Migrations migrations, ProcessVersions versions, CurrentUser currentUser,
      ObjectMapper json) {
    this.migrations = migrations;
    this.versions = versions;
    this.currentUser = currentUser;
    this.json = json;
  }

  /** The body is read after the role check, so that whoever may not migrate learns nothing from its validation. */
  @PostMapping(path = "/migrations", consumes = MediaType.APPLICATION_JSON_VALUE)
  public MigrationReport migrate(@RequestBody(required = false) String body) {
    currentUser.require(Roles.PROCESS_OWNER, Roles.ADMIN);
    return migrations.run(MigrationRequest.read(body, json));
  }

  @GetMapping("/processes/{processKey}/versions")
  public VersionsView versions(@PathVariable String processKey) {
    currentUser.require(Roles.PROCESS_OWNER, Roles.ADMIN);
    List<ProcessDefinition> all = versions.all(processKey);
    if (all.isEmpty()) {
      throw ApiException.of(HttpStatus.NOT_FOUND, "error.migration.noProcess", processKey);
    }
    ProcessDefinition latest = all.get(all.size() - 1);
    return new VersionsView(processKey, latest.getName(), latest.getVersion(), all.stream().map(this::version).toList());
  }

  private VersionsView.Version version(ProcessDefinition definition) {
    Deployment deployment = versions.deploymentOf(definition);
    return new VersionsView.Version(definition.getVersion(), definition.getVersionTag(), definition.getId(),
        deployment == null ? null : deployment.getName(),
        deployment == null || deployment.getDeploymentTime() == null ? null : deployment.getDeploymentTime().toInstant(),
        versions.runningInstances(definition.getId()));
  }
}
