package com.kap.platform.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kap.support.KapTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.xml.ModelException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Deployments as Camunda Modeler makes them, through Camunda's REST API as the admin: hostile models are refused with
 * a 400 that says why, and leave nothing behind; harmless ones still deploy.
 */
@KapTest
class DeploymentPolicyOverRestTest {

  private static final String SECRET = "kap-secret-" + UUID.randomUUID();
  private static final Path SECRET_FILE = secretFile();
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repository;
  @Autowired ProcessEngineConfigurationImpl engine;

  static Stream<Models.Hostile> hostile() {
    return Stream.concat(Models.scripts().stream(), Models.doctypes(SECRET_FILE).stream());
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void refusesAHostileDeploymentAndKeepsNothing(Models.Hostile model) throws IOException {
    long deploymentsBefore = count("/engine-rest/deployment/count");

    ResponseEntity<String> response = deploy(Map.of(model.resource(), model.xml()));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).doesNotContain(SECRET);
    JsonNode refusal = JSON.readTree(response.getBody());
    assertThat(refusal.path("type").asText()).isEqualTo("ParseException");
    assertThat(refusal.path("message").asText()).startsWith(model.resource() + ": ").contains(model.expected());
    JsonNode error = refusal.path("details").path(model.resource()).path("errors").path(0);
    assertThat(error.path("mainElementId").isNull() ? null : error.path("mainElementId").asText())
        .isEqualTo(model.elementId());

    assertThat(count("/engine-rest/deployment/count")).isEqualTo(deploymentsBefore);
    assertThat(admin("/engine-rest/process-definition?maxResults=10&key=" + model.key())).isEmpty();
    assertThat(admin("/engine-rest/decision-definition?maxResults=10&key=" + model.key())).isEmpty();
    assertThat(storedResourcesContaining(SECRET)).isZero();
  }

  @Test
  void aDiagramWithJuelConditionsAndAFeelDecisionStillDeploys() throws IOException {
    long deploymentsBefore = count("/engine-rest/deployment/count");
    Map<String, String> models = new LinkedHashMap<>();
    models.put("harmless.bpmn", Models.bpmn("harmlessProcess", """
        <startEvent id="start"/>
        <sequenceFlow id="toChoice" sourceRef="start" targetRef="choice"/>
        <exclusiveGateway id="choice"/>
        <sequenceFlow id="big" sourceRef="choice" targetRef="end">
          <conditionExpression xsi:type="tFormalExpression">${amount &gt; 100}</conditionExpression>
        </sequenceFlow>
        <sequenceFlow id="small" sourceRef="choice" targetRef="end">
          <conditionExpression xsi:type="tFormalExpression">${amount &lt;= 100}</conditionExpression>
        </sequenceFlow>
        <endEvent id="end"/>
        """));
    models.put("harmless.dmn", Models.dmn("", "harmlessDecision", Models.decisionTable(null, "feel", null)));

    ResponseEntity<String> response = deploy(models);

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode deployment = JSON.readTree(response.getBody());
    assertThat(admin("/engine-rest/process-definition?maxResults=10&key=harmlessProcess")).hasSize(1);
    assertThat(admin("/engine-rest/decision-definition?maxResults=10&key=harmlessDecision")).hasSize(1);

    ResponseEntity<Void> deleted = rest.withBasicAuth("admin", "demo").exchange(
        "/engine-rest/deployment/" + deployment.get("id").asText() + "?cascade=true", HttpMethod.DELETE, null,
        Void.class);
    assertThat(deleted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(count("/engine-rest/deployment/count")).isEqualTo(deploymentsBefore);
  }

  /** Behind KAP's policy, Camunda's own parsers refuse the same DOCTYPEs (the BPMN one as configured). */
  @Test
  void camundasParsersRefuseTheseDoctypesToo() {
    Models.Hostile bpmn = Models.doctypes(SECRET_FILE).get(0);
    Models.Hostile dmn = Models.doctypes(SECRET_FILE).get(2);

    assertThat(engine.isEnableXxeProcessing()).isFalse();
    Throwable bpmnRefused = catchThrowable(() -> engine.getCommandExecutorTxRequired().execute(context ->
        bpmnParser().createParse().sourceString(bpmn.xml()).deployment(new DeploymentEntity())
            .name(bpmn.resource()).execute()));
    assertThat(bpmnRefused).isInstanceOf(ProcessEngineException.class).hasMessageContaining("DOCTYPE")
        .hasMessageNotContaining(SECRET);
    Throwable dmnRefused = catchThrowable(() -> Dmn.readModelFromStream(
        new ByteArrayInputStream(dmn.xml().getBytes(StandardCharsets.UTF_8))));
    assertThat(dmnRefused).isInstanceOf(ModelException.class).hasMessageNotContaining(SECRET)
        .rootCause().hasMessageContaining("DOCTYPE");
  }

  private BpmnParser bpmnParser() {
    return engine.getDeployers().stream().filter(BpmnDeployer.class::isInstance).map(BpmnDeployer.class::cast)
        .findFirst().orElseThrow().getBpmnParser();
  }

  private ResponseEntity<String> deploy(Map<String, String> models) {
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("deployment-name", "deployment-policy-test");
    models.forEach((name, xml) -> form.add(name, new ByteArrayResource(xml.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return name;
      }
    }));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.withBasicAuth("admin", "demo").postForEntity("/engine-rest/deployment/create",
        new HttpEntity<>(form, headers), String.class);
  }

  private JsonNode admin(String path) {
    ResponseEntity<JsonNode> response = rest.withBasicAuth("admin", "demo").getForEntity(path, JsonNode.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private long count(String path) {
    return admin(path).get("count").asLong();
  }

  private long storedResourcesContaining(String text) {
    long found = 0;
    for (Deployment deployment : repository.createDeploymentQuery().list()) {
      for (String name : repository.getDeploymentResourceNames(deployment.getId())) {
        try (InputStream stored = repository.getResourceAsStream(deployment.getId(), name)) {
          found += new String(stored.readAllBytes(), StandardCharsets.UTF_8).contains(text) ? 1 : 0;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return found;
  }

  private static Path secretFile() {
    try {
      Path file = Files.createTempFile("kap-secret", ".txt");
      Files.writeString(file, SECRET);
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
