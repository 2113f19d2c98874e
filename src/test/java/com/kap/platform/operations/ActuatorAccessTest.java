package com.kap.platform.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.kap.platform.identity.Roles;
import com.kap.support.Api;
import com.kap.support.KapTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/** Who sees what at /actuator: the health status for everyone, its components and the metrics for operators. */
@KapTest
class ActuatorAccessTest {

  private static final String OPERATOR = "opsprobe";
  private static final String OPERATOR_PASSWORD = "scrape-only-1";

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  private Api api;

  @BeforeEach
  void setUp() {
    api = new Api(rest);
    User operator = identityService.newUser(OPERATOR);
    operator.setPassword(OPERATOR_PASSWORD);
    identityService.saveUser(operator);
    identityService.createMembership(OPERATOR, Roles.OPERATOR);
  }

  @AfterEach
  void removeProbeUser() {
    identityService.deleteUser(OPERATOR);
  }

  @Test
  void anonymousCallersGetTheStatusOnlyAndNoMetrics() {
    ResponseEntity<String> health = rest.getForEntity("/actuator/health", String.class);
    assertThat(health.getStatusCode().value()).isEqualTo(200);
    assertThat(health.getBody()).isEqualTo("{\"status\":\"UP\"}");
    assertThat(rest.getForEntity("/actuator/health/db", String.class).getStatusCode().value()).isEqualTo(404);
    ResponseEntity<String> metrics = rest.getForEntity("/actuator/prometheus", String.class);
    assertThat(metrics.getStatusCode().value()).isEqualTo(401);
    assertThat(metrics.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
    assertThat(rest.getForEntity("/actuator", String.class).getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void theAdminSeesTheDatabaseTheEngineAndTheJobExecutorWithItsBacklog() {
    JsonNode health = api.get("admin", "/actuator/health", JsonNode.class).getBody();

    assertThat(health.get("status").asText()).isEqualTo("UP");
    JsonNode components = health.get("components");
    assertThat(components.get("db").get("status").asText()).isEqualTo("UP");
    assertThat(components.get("db").get("details").get("database").asText()).isEqualTo("H2");
    assertThat(components.get("processEngine").get("status").asText()).isEqualTo("UP");
    JsonNode jobExecutor = components.get("jobExecutor");
    assertThat(jobExecutor.get("status").asText()).isEqualTo("UP");
    JsonNode backlog = jobExecutor.get("details").get("backlog");
    assertThat(backlog.get("dueNow").isIntegralNumber()).isTrue();
    assertThat(backlog.get("locked").isIntegralNumber()).isTrue();
    assertThat(backlog.get("failedWithoutRetries").isIntegralNumber()).isTrue();
    JsonNode workers = jobExecutor.get("details").get("workers");
    assertThat(workers.get("corePoolSize").asInt()).as("sized for 2 cores").isEqualTo(3);
    assertThat(workers.get("maxPoolSize").asInt()).isEqualTo(3);
    assertThat(jobExecutor.get("details").get("maxJobsPerAcquisition").asInt()).isEqualTo(3);
  }

  @Test
  void aKamGetsNoDetailsAndNoMetrics() {
    ResponseEntity<String> health = api.get("alice", "/actuator/health", String.class);
    assertThat(health.getStatusCode().value()).isEqualTo(200);
    assertThat(health.getBody()).isEqualTo("{\"status\":\"UP\"}");
    assertThat(api.get("alice", "/actuator/prometheus", String.class).getStatusCode().value()).isEqualTo(403);
  }

  @Test
  void anOperatorSeesDetailsAndMetricsButWrongCredentialsAreRefused() {
    TestRestTemplate operator = rest.withBasicAuth(OPERATOR, OPERATOR_PASSWORD);
    assertThat(operator.getForEntity("/actuator/health", JsonNode.class).getBody().has("components")).isTrue();
    ResponseEntity<String> metrics = operator.getForEntity("/actuator/prometheus", String.class);
    assertThat(metrics.getStatusCode().value()).isEqualTo(200);
    assertThat(metrics.getHeaders().getContentType().toString()).startsWith("text/plain");

    assertThat(rest.withBasicAuth(OPERATOR, "wrong").getForEntity("/actuator/health", String.class)
        .getStatusCode().value()).isEqualTo(401);
    assertThat(operator.getForEntity("/actuator/prometheus", String.class).getStatusCode().value())
        .as("Camunda's login throttling: the right password during the delay after a wrong one").isEqualTo(401);
  }

  @Test
  void theAdminScrapesCamundaEngineMetricsTheJobBacklogAndKapCounters() {
    ResponseEntity<String> metrics = api.get("admin", "/actuator/prometheus", String.class);

    assertThat(metrics.getStatusCode().value()).isEqualTo(200);
    assertThat(metrics.getBody()).contains("camunda_job_acquisition_attempt_total", "camunda_job_successful_total",
        "camunda_job_failed_total", "camunda_activity_instance_start_total", "camunda_executed_decision_elements_total",
        "camunda_jobs_due ", "camunda_jobs_locked ", "camunda_jobs_failed ",
        "camunda_history_cleanup_removed_total{kind=\"process-instances\"}", "kap_plans_approved_total",
        "kap_bids_scored_total", "kap_rituals_missed_total", "kap_advisory_boards_missed_total");
  }
}
