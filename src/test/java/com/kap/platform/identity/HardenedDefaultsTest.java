package com.kap.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.kap.support.Api;
import com.kap.support.KapTest;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/** The hardened defaults that hold in every profile, checked through the HTTP APIs. */
@KapTest
class HardenedDefaultsTest {

  private static final String THROTTLED = "throttleprobe";

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  private Api api;

  @BeforeEach
  void setUp() {
    api = new Api(rest);
  }

  @AfterEach
  void removeProbeUser() {
    identityService.deleteUser(THROTTLED);
  }

  @Test
  void noRestQueryReturnsAnUnboundedOrOversizedList() {
    ResponseEntity<JsonNode> unbounded = api.get("admin", "/engine-rest/authorization", JsonNode.class);
    assertThat(unbounded.getStatusCode().value()).isEqualTo(400);
    assertThat(unbounded.getBody().get("message").asText()).contains("unbound number of results");

    ResponseEntity<JsonNode> tooMany = api.get("admin", "/engine-rest/authorization?maxResults=1001", JsonNode.class);
    assertThat(tooMany.getStatusCode().value()).isEqualTo(400);
    assertThat(tooMany.getBody().get("message").asText()).contains("Max results limit of 1000 exceeded");

    assertThat(api.get("admin", "/engine-rest/authorization?firstResult=0&maxResults=1000", JsonNode.class)
        .getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void wrongPasswordsThrottleLogins() {
    User probe = identityService.newUser(THROTTLED);
    probe.setPassword("right-password-1");
    identityService.saveUser(probe);
    identityService.createMembership(THROTTLED, Roles.KAM);

    assertThat(statusAs(THROTTLED, "right-password-1")).isEqualTo(200);
    assertThat(statusAs(THROTTLED, "wrong")).isEqualTo(401);
    assertThat(statusAs(THROTTLED, "right-password-1")).as("the right password during the delay after a wrong one")
        .isEqualTo(401);

    identityService.unlockUser(THROTTLED);
    assertThat(statusAs(THROTTLED, "right-password-1")).isEqualTo(200);
  }

  @Test
  void anonymousCallersSeeTheHealthStatusOnly() {
    ResponseEntity<JsonNode> health = rest.getForEntity("/actuator/health", JsonNode.class);
    assertThat(health.getStatusCode().value()).isEqualTo(200);
    assertThat(health.getBody().get("status").asText()).isEqualTo("UP");
    assertThat(health.getBody().has("components")).as("no details for anonymous callers").isFalse();
    for (String endpoint : List.of("env", "beans", "configprops", "heapdump", "threaddump", "loggers", "mappings")) {
      assertThat(rest.getForEntity("/actuator/" + endpoint, String.class).getStatusCode().value()).as(endpoint)
          .isEqualTo(404);
    }
  }

  @Test
  void theH2ConsoleIsOff() {
    assertThat(rest.getForEntity("/h2-console/", String.class).getStatusCode().value()).isEqualTo(404);
  }

  @Test
  void javaSerializedVariablesAreRefusedAndJsonObjectsOnlyBecomeAllowedTypes() {
    String deployment = repositoryService.createDeployment().addModelInstance("probe.bpmn", Bpmn
        .createExecutableProcess("variableProbe").camundaHistoryTimeToLive(1).startEvent().userTask().endEvent().done())
        .deploy().getId();
    ProcessInstance instance = runtimeService.startProcessInstanceByKey("variableProbe");
    try {
      // a serialized, empty java.util.HashMap
      String serialized = "rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcAUH2sHDFmDRAwACRgAKbG9hZEZhY3RvckkACXRocmVzaG9sZHhwP0AA"
          + "AAAAAAx3CAAAABAAAAAAeA==";
      ResponseEntity<JsonNode> javaSerialized = api.putJson("admin", "/engine-rest/process-instance/"
          + instance.getId() + "/variables/payload", "{\"type\":\"Object\",\"value\":\"" + serialized + "\","
          + "\"valueInfo\":{\"objectTypeName\":\"java.util.HashMap\","
          + "\"serializationDataFormat\":\"application/x-java-serialized-object\"}}", JsonNode.class);
      assertThat(javaSerialized.getStatusCode().is2xxSuccessful()).isFalse();
      assertThat(javaSerialized.getBody().get("message").asText()).contains("Java serialization format is prohibited");
      assertThat(runtimeService.getVariable(instance.getId(), "payload")).isNull();

      runtimeService.setVariable(instance.getId(), "gadget", Variables.serializedObjectValue("{}")
          .objectTypeName("java.util.Random").serializationDataFormat("application/json").create());
      ObjectValue stored = runtimeService.getVariableTyped(instance.getId(), "gadget", false);
      assertThat(stored.getObjectTypeName()).isEqualTo("java.util.Random");
      ResponseEntity<JsonNode> deserialized = api.get("admin", "/engine-rest/process-instance/" + instance.getId()
          + "/variables/gadget?deserializeValue=true", JsonNode.class);
      assertThat(deserialized.getStatusCode().is2xxSuccessful())
          .as("a type outside the allowed packages is never instantiated").isFalse();
    } finally {
      repositoryService.deleteDeployment(deployment, true);
    }
  }

  private int statusAs(String user, String password) {
    return rest.withBasicAuth(user, password).getForEntity("/api/budget/bids", String.class).getStatusCode().value();
  }
}
