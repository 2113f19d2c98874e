package com.kap.platform.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DeploymentPolicyDeployerTest {

  private static final DeploymentPolicyDeployer NO_SCRIPTS = new DeploymentPolicyDeployer(
      new ScriptLanguagePolicy(List.of()));

  static Stream<Models.Hostile> hostile() throws IOException {
    return Stream.concat(Models.scripts().stream(),
        Models.doctypes(Files.createTempFile("kap-secret", ".txt")).stream());
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void refusesAHostileModel(Models.Hostile model) {
    DeploymentRefused refused = refusal(NO_SCRIPTS, deployment(model.resource(), model.xml()));

    assertThat(refused.getMessage()).startsWith(model.resource() + ": ").contains(model.expected());
    Problem problem = refused.getResorceReports().get(0).getErrors().get(0);
    assertThat(problem.getMainElementId()).isEqualTo(model.elementId());
    assertThat(problem.getLine()).isPositive();
  }

  @Test
  void aScriptTaskWithoutScriptFormatRunsJuelAndIsAScriptToo() {
    String bpmn = Models.bpmn("juelScript", "<scriptTask id=\"compute\"><script>${1 + 1}</script></scriptTask>");

    assertThat(refusal(NO_SCRIPTS, deployment("juel.bpmn", bpmn)).getMessage())
        .isEqualTo("juel.bpmn: scriptTask 'compute' uses script language 'juel', which KAP does not allow"
            + " (kap.deployment.allowed-script-languages)");
  }

  @Test
  void refusesACaseModelListenerScript() {
    String cmmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/CMMN/20151109/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/cmmn"
                     id="definitions" targetNamespace="https://kap.example/test">
          <case id="scriptedCase">
            <casePlanModel id="plan">
              <extensionElements>
                <camunda:caseExecutionListener event="create"><camunda:script scriptFormat="groovy">1</camunda:script></camunda:caseExecutionListener>
              </extensionElements>
            </casePlanModel>
          </case>
        </definitions>
        """;

    assertThat(refusal(NO_SCRIPTS, deployment("case.cmmn", cmmn)).getMessage())
        .contains("case.cmmn: casePlanModel 'plan' > extensionElements > caseExecutionListener > script uses script"
            + " language 'groovy'");
  }

  @Test
  void reportsEveryRefusalOfEveryResource() {
    DeploymentEntity deployment = deployment("a.bpmn", Models.scripts().get(0).xml());
    deployment.addResource(resource("b.dmn", Models.scripts().get(10).xml()));

    DeploymentRefused refused = refusal(NO_SCRIPTS, deployment);

    assertThat(refused.getResorceReports()).extracting(report -> report.getResourceName())
        .containsExactly("a.bpmn", "b.dmn");
    assertThat(refused.getMessage()).contains("a.bpmn: scriptTask 'computeTotal'", "b.dmn: inputEntry 'bigAmountTest'");
  }

  @Test
  void acceptsAConfiguredLanguageInAnyCase() {
    DeploymentPolicyDeployer groovyAllowed = new DeploymentPolicyDeployer(new ScriptLanguagePolicy(List.of("Groovy")));
    String bpmn = Models.bpmn("groovyScript",
        "<scriptTask id=\"compute\" scriptFormat=\"groovy\"><script>1 + 1</script></scriptTask>");

    assertThatNoException().isThrownBy(() -> groovyAllowed.deploy(deployment("groovy.bpmn", bpmn)));
    assertThat(refusal(groovyAllowed, deployment("js.bpmn", Models.scripts().get(0).xml())).getMessage())
        .contains("'javascript'");
  }

  @Test
  void acceptsJuelConditionsAndFeelDecisions() {
    DeploymentEntity deployment = deployment("harmless.bpmn", Models.bpmn("harmless", """
        <startEvent id="start"/>
        <sequenceFlow id="toChoice" sourceRef="start" targetRef="choice"/>
        <exclusiveGateway id="choice"/>
        <sequenceFlow id="big" sourceRef="choice" targetRef="end">
          <conditionExpression xsi:type="tFormalExpression">${amount > 100}</conditionExpression>
        </sequenceFlow>
        <endEvent id="end"/>
        """));
    deployment.addResource(resource("feel.dmn", Models.dmn(
        "expressionLanguage=\"https://www.omg.org/spec/DMN/20191111/FEEL/\"", "feel",
        Models.decisionTable("FEEL", "feel", "JUEL"))));

    assertThatNoException().isThrownBy(() -> NO_SCRIPTS.deploy(deployment));
  }

  @Test
  void acceptsKapsOwnModels() throws IOException {
    DeploymentEntity deployment = new DeploymentEntity();
    deployment.setNew(true);
    try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
      models.filter(model -> model.toString().endsWith(".bpmn") || model.toString().endsWith(".dmn"))
          .forEach(model -> deployment.addResource(resource(model.getFileName().toString(), read(model))));
    }

    assertThat(deployment.getResources()).hasSizeGreaterThanOrEqualTo(10);
    assertThatNoException().isThrownBy(() -> NO_SCRIPTS.deploy(deployment));
  }

  @Test
  void leavesAStoredDeploymentAloneWhenCamundaReadsItBackIntoItsCache() {
    DeploymentEntity stored = deployment("scriptTask.bpmn", Models.scripts().get(0).xml());
    stored.setNew(false);

    assertThatNoException().isThrownBy(() -> NO_SCRIPTS.deploy(stored));
  }

  private static DeploymentRefused refusal(DeploymentPolicyDeployer deployer, DeploymentEntity deployment) {
    DeploymentRefused refused = catchThrowableOfType(DeploymentRefused.class, () -> deployer.deploy(deployment));
    assertThat(refused).as("refused").isNotNull();
    return refused;
  }

  private static DeploymentEntity deployment(String name, String xml) {
    DeploymentEntity deployment = new DeploymentEntity();
    deployment.setNew(true);
    deployment.addResource(resource(name, xml));
    return deployment;
  }

  private static ResourceEntity resource(String name, String xml) {
    ResourceEntity resource = new ResourceEntity();
    resource.setName(name);
    resource.setBytes(xml.getBytes(StandardCharsets.UTF_8));
    return resource;
  }

  private static String read(Path model) {
    try {
      return Files.readString(model);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
