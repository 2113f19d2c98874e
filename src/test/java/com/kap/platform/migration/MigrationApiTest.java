package com.kap.platform.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.kap.support.Api;
import com.kap.support.ProcessTest;
import com.kap.support.TestVersions;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Who may migrate, what a request must say, and the versions a process owner chooses from. */
@ProcessTest
class MigrationApiTest {

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repository;
  Api api;
  TestVersions versions;
  ProcessDefinition latest;

  @BeforeEach
  void setUp() {
    api = new Api(rest);
    versions = new TestVersions(repository);
    latest = versions.deployUnchanged("accountPlan");
  }

  @AfterEach
  void deleteTestVersions() {
    versions.deleteAll();
  }

  @Test
  void onlyProcessOwnersAndTheAdminMayMigrateOrListVersions() {
    String dryRun = "{\"processKey\": \"accountPlan\"}";
    assertThat(api.postJson(null, "/api/migrations", dryRun, String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    // a KAM, the programme director, a director, an executive sponsor, the training coordinator
    for (String user : new String[] {"alice", "diane", "eric", "gilles", "hana"}) {
      ResponseEntity<JsonNode> refused = api.postJson(user, "/api/migrations", "{\"dryRun\": false}", JsonNode.class);
      assertThat(refused.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(refused.getBody().get("detail").asText()).contains("process-owner");
      assertThat(api.get(user, "/api/processes/accountPlan/versions", String.class).getStatusCode()).as(user)
          .isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(api.get(null, "/api/processes/accountPlan/versions", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(api.postJson("admin", "/api/migrations", dryRun, String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void aRequestThatDoesNotFitWhatIsDeployedIsRefusedNamingTheField() {
    int v = latest.getVersion();
    assertThat(badRequest("{\"processKey\": \"accountPlans\"}"))
        .isEqualTo("processKey: no process 'accountPlans' is deployed");
    assertThat(badRequest("{\"sourceVersion\": 1}")).startsWith("processKey: is required");
    assertThat(badRequest("{\"processKey\": \"accountPlan\", \"targetVersion\": " + (v + 1) + "}"))
        .startsWith("targetVersion: accountPlan has no version " + (v + 1) + "; its versions are 1, ");
    assertThat(badRequest("{\"processKey\": \"accountPlan\", \"sourceVersion\": 0}"))
        .startsWith("sourceVersion: accountPlan has no version 0");
    assertThat(badRequest("{\"processKey\": \"accountPlan\", \"sourceVersion\": " + v + ", \"targetVersion\": "
        + (v - 1) + "}")).isEqualTo("sourceVersion: must be older than the target version " + (v - 1));
    assertThat(badRequest("{\"processKey\": \"accountPlan\", \"sourceVersion\": " + v + "}"))
        .isEqualTo("sourceVersion: must be older than the target version " + v + " (the latest)");
    assertThat(badRequest("{\"processKey\": \"accountPlan\", \"targetVerison\": 1}"))
        .startsWith("targetVerison: is not a field of a migration; use processKey, sourceVersion, targetVersion");
    assertThat(badRequest("{\"processKey\": \"accountPlan\", \"sourceVersion\": \"first\"}"))
        .isEqualTo("sourceVersion: must be a whole number (a version)");
    assertThat(badRequest("{\"processKey\": \"accountPlan\", \"sourceVersion\": 1.5}"))
        .isEqualTo("sourceVersion: must be a whole number (a version)");
    assertThat(badRequest("{\"processKey\": \"accountPlan\", \"dryRun\": \"maybe\"}"))
        .isEqualTo("dryRun: must be true or false");
    assertThat(badRequest("{\"processKey\": \"accountPlan\", \"activityMappings\": [\"a\"]}"))
        .startsWith("activityMappings: must be an object from source to target activity ids");
    assertThat(badRequest("")).startsWith("the request body is empty");
    assertThat(badRequest("{\"processKey\": ")).startsWith("the request body is not JSON");

    assertThat(refusedField("{\"processKey\": \"accountPlans\"}")).isEqualTo("processKey");
    assertThat(refusedField("{\"sourceVersion\": 1}")).isEqualTo("processKey");
    assertThat(refusedField("{\"processKey\": \"accountPlan\", \"targetVersion\": " + (v + 1) + "}"))
        .isEqualTo("targetVersion");
    assertThat(refusedField("{\"processKey\": \"accountPlan\", \"sourceVersion\": " + v + "}"))
        .isEqualTo("sourceVersion");
    assertThat(refusedField("{\"processKey\": \"accountPlan\", \"targetVerison\": 1}")).isEqualTo("targetVerison");
    assertThat(refusedField("{\"processKey\": \"accountPlan\", \"dryRun\": \"maybe\"}")).isEqualTo("dryRun");
    assertThat(refusedField("{\"processKey\": ")).as("no one field is to blame").isNull();
  }

  /**
   * Without a source version the dry run tries every running plan of every older version, here all of the
   * application's so far; it moves none of them.
   */
  @Test
  void theVersionsListCountsRunningInstancesAndADryRunOfAllOlderVersionsMovesNone() {
    JsonNode listed = versionsOf("accountPlan");
    assertThat(listed.get("name").asText()).isEqualTo("Account plan");
    assertThat(listed.get("latestVersion").asInt()).isEqualTo(latest.getVersion());
    JsonNode newest = listed.get("versions").get(listed.get("versions").size() - 1);
    assertThat(newest.get("deployment").asText()).isEqualTo(TestVersions.DEPLOYMENT_NAME);
    assertThat(newest.get("processDefinitionId").asText()).isEqualTo(latest.getId());
    assertThat(newest.get("deployedAt").asText()).isNotBlank();
    assertThat(newest.get("runningInstances").asInt()).isZero();
    Map<Integer, Integer> runningBefore = running(listed);
    int older = runningBefore.entrySet().stream().filter(e -> e.getKey() < latest.getVersion())
        .mapToInt(Map.Entry::getValue).sum();

    ResponseEntity<JsonNode> dryRun = api.postJson("paula", "/api/migrations", "{\"processKey\": \"accountPlan\"}",
        JsonNode.class);

    assertThat(dryRun.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode report = dryRun.getBody();
    assertThat(report.get("targetVersion").asInt()).isEqualTo(latest.getVersion());
    assertThat(report.get("instances").asInt()).isEqualTo(older);
    assertThat(report.get("migratable").asInt() + report.get("notMigratable").asInt()).isEqualTo(older);
    assertThat(report.get("migrated").asInt()).isZero();
    assertThat(running(versionsOf("accountPlan"))).isEqualTo(runningBefore);
    assertThat(api.get("paula", "/api/processes/noSuchProcess/versions", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  private String badRequest(String json) {
    return refusal(json).get("detail").asText();
  }

  /** The refused field the problem names, null when it names none. */
  private String refusedField(String json) {
    JsonNode field = refusal(json).get("field");
    return field == null ? null : field.asText();
  }

  private JsonNode refusal(String json) {
    ResponseEntity<JsonNode> response = api.postJson("paula", "/api/migrations", json, JsonNode.class);
    assertThat(response.getStatusCode()).as(json).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType()).as(json).hasToString("application/problem+json");
    return response.getBody();
  }

  private JsonNode versionsOf(String processKey) {
    ResponseEntity<JsonNode> response = api.get("paula", "/api/processes/" + processKey + "/versions", JsonNode.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private static Map<Integer, Integer> running(JsonNode versions) {
    Map<Integer, Integer> running = new HashMap<>();
    versions.get("versions").forEach(v -> running.put(v.get("version").asInt(), v.get("runningInstances").asInt()));
    return running;
  }
}
