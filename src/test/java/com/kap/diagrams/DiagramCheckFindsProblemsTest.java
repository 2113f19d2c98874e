package com.kap.diagrams;

import static com.kap.diagrams.ProcessOwnerProject.ANSWER_FORM;
import static com.kap.diagrams.ProcessOwnerProject.DECISION;
import static com.kap.diagrams.ProcessOwnerProject.PROCESS;
import static com.kap.diagrams.ProcessOwnerProject.TEMPLATES;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The diagram check fails on each kind of broken diagram, form and template, and says where and why. */
class DiagramCheckFindsProblemsTest {

  private static final String DIAGRAM = "bpmn/answerQuestion.bpmn";

  @TempDir
  Path root;

  private ProcessOwnerProject project;

  @BeforeEach
  void validProject() {
    project = new ProcessOwnerProject(root);
  }

  @Test
  void findsNothingInTheValidProject() {
    assertThat(project.problems()).isEmpty();
  }

  @Test
  void namesAnElementWithoutShapeAndAFlowWithoutEdge() {
    project.diagram("answerQuestion.bpmn", PROCESS
        .replaceAll("<bpmndi:BPMNShape id=\"registerShape\".*?</bpmndi:BPMNShape>", "")
        .replaceAll("<bpmndi:BPMNEdge id=\"toAnsweredEdge\".*?</bpmndi:BPMNEdge>", ""));

    assertThat(messages()).containsExactlyInAnyOrder(
        DIAGRAM + " serviceTask 'register' (Register question): has no BPMNShape in the diagram: Camunda Modeler"
            + " would not show it",
        DIAGRAM + " sequenceFlow 'toAnswered': has no BPMNEdge in the diagram: Camunda Modeler would not show it");
  }

  @Test
  void namesADelegateAndAnExpressionThatNameNoBean() {
    project.withoutBean("people").diagram("answerQuestion.bpmn",
        PROCESS.replace("${registerQuestion}", "${registerQuestoin}"));

    assertThat(messages()).containsExactly(
        DIAGRAM + " serviceTask 'register': delegateExpression '${registerQuestoin}' names no Spring bean"
            + " 'registerQuestoin'",
        DIAGRAM + " userTask 'answer': expression '${people.expert(execution)}' calls a method of 'people', which is"
            + " no Spring bean",
        DIAGRAM + " serviceTask 'register': uses bean 'registerQuestoin', for which bpmn/element-templates/ has no"
            + " template");
  }

  @Test
  void namesAListenerThatNamesNoBean() {
    project.withoutBean("recordAnswer");

    assertThat(messages()).containsExactly(
        "bpmn/element-templates/answers.json template 'com.example.recordAnswer': sets '${recordAnswer}', which names"
            + " no Spring bean 'recordAnswer'",
        DIAGRAM + " userTask 'answer': execution listener (end) '${recordAnswer}' names no Spring bean 'recordAnswer'");
  }

  @Test
  void namesAFormRefWithoutForm() {
    project.diagram("answerQuestion.bpmn", PROCESS.replace("camunda:formRef=\"answer\"", "camunda:formRef=\"reply\""));

    assertThat(messages()).containsExactly(DIAGRAM + " userTask 'answer' (Answer): formRef 'reply' has no form in"
        + " forms/ (no .form file has that id)");
  }

  @Test
  void namesAUserTaskWithoutFormOrAssignee() {
    project.diagram("answerQuestion.bpmn", PROCESS
        .replace("camunda:formRef=\"answer\" camunda:formRefBinding=\"latest\"", "")
        .replace("camunda:assignee=\"${people.expert(execution)}\" camunda:candidateGroups=\"experts\"", ""));

    assertThat(messages()).containsExactly(
        DIAGRAM + " userTask 'answer' (Answer): has no form (camunda:formRef or camunda:formKey)",
        DIAGRAM + " userTask 'answer' (Answer): has no assignee, candidate users or candidate groups: nobody would"
            + " see it in Tasklist");
  }

  @Test
  void namesAProcessAndADecisionWithoutHistoryTimeToLiveAndWhatCamundaSaysOfThem() {
    project.diagram("answerQuestion.bpmn", PROCESS.replace("camunda:historyTimeToLive=\"30\"", ""))
        .diagram("urgency.dmn", DECISION.replace("camunda:historyTimeToLive=\"30\"", ""));

    assertThat(messages()).contains(
        DIAGRAM + " process 'answerQuestion' (Answer question): has no historyTimeToLive: its history would never be"
            + " cleaned up",
        "bpmn/urgency.dmn decision 'urgency': has no historyTimeToLive: its history would never be cleaned up");
    assertThat(messages()).anyMatch(m -> m.startsWith(DIAGRAM + " 'answerQuestion': Camunda does not deploy it:")
        && m.contains("History Time To Live"));
    assertThat(messages()).anyMatch(m -> m.startsWith("bpmn/urgency.dmn: Camunda does not deploy it:"));
  }

  @Test
  void namesADecisionWithoutShape() {
    project.diagram("urgency.dmn", DECISION.replaceAll("<dmndi:DMNShape .*?</dmndi:DMNShape>", ""));

    assertThat(messages()).containsExactly(
        "bpmn/urgency.dmn decision 'urgency': has no DMNShape: Camunda Modeler would not show it");
  }

  @Test
  void namesWhatCamundasParserRefuses() {
    project.diagram("answerQuestion.bpmn", PROCESS.replace("targetRef=\"answered\"", "targetRef=\"nowhere\""));

    assertThat(messages()).anyMatch(m -> m.startsWith(DIAGRAM + " 'toAnswered': Camunda does not deploy it: ")
        && m.contains("nowhere"));
  }

  @Test
  void namesAFieldTheListenerReadsThatTheFormDoesNotHave() {
    project.form("answer.form", ANSWER_FORM.replace("\"key\": \"answer\"", "\"key\": \"reply\"")
        .replace("\"key\": \"link\"", "\"key\": \"url\""));

    assertThat(messages()).containsExactly(
        DIAGRAM + " userTask 'answer' (Answer): its form 'answer' has no field 'answer', which recordAnswer"
            + " (RecordAnswerListener) reads",
        DIAGRAM + " userTask 'answer' (Answer): its form 'answer' has no list field 'link', which recordAnswer"
            + " (RecordAnswerListener) reads from each entry");
  }

  @Test
  void namesFieldKeysThatAreNoVariableNamesOrTaken() {
    project.form("ask.form", """
        {"id": "ask", "components": [
          {"id": "questionField", "key": "question", "type": "textarea"},
          {"id": "againField", "key": "question", "type": "textfield"},
          {"id": "topicField", "key": "topic.name", "type": "textfield"},
          {"id": "emptyField", "key": "empty", "type": "checkbox"}
        ]}
        """);

    assertThat(messages()).containsExactly(
        "forms/ask.form field 'againField': key 'question' is also the key of field 'questionField': one would"
            + " overwrite the other's value",
        "forms/ask.form field 'topicField': key 'topic.name' is no plain variable name (letters, digits, _; not a"
            + " JUEL word): expressions could not read it",
        "forms/ask.form field 'emptyField': key 'empty' is no plain variable name (letters, digits, _; not a JUEL"
            + " word): expressions could not read it");
  }

  @Test
  void namesTemplatesWithoutTheirRequiredFields() {
    project.template("answers.json", TEMPLATES.replace("\"version\": 1,", "")
        .replace("\"name\": \"Answer\",", "").replace("[\"bpmn:ServiceTask\"]", "[\"ServiceTask\"]")
        .replace("\"event\": \"end\", ", ""));

    assertThat(messages()).containsExactly(
        "bpmn/element-templates/answers.json template 'com.example.registerQuestion': needs a whole-number version",
        "bpmn/element-templates/answers.json template 'com.example.registerQuestion': needs BPMN types in appliesTo"
            + " such as bpmn:ServiceTask, not 'ServiceTask'",
        "bpmn/element-templates/answers.json template 'com.example.recordAnswer': needs a name",
        "bpmn/element-templates/answers.json template 'com.example.recordAnswer': needs a whole-number version",
        "bpmn/element-templates/answers.json template 'com.example.recordAnswer': property 'camunda:executionListener'"
            + " needs binding.event");
  }

  @Test
  void namesAnElementLinkedToATemplateThatIsNotThere() {
    project.diagram("answerQuestion.bpmn", PROCESS.replace("camunda:delegateExpression=\"${registerQuestion}\"",
        "camunda:delegateExpression=\"${registerQuestion}\" camunda:modelerTemplate=\"com.example.registerQuestion\""
            + " camunda:modelerTemplateVersion=\"2\""));

    assertThat(messages()).containsExactly(DIAGRAM + " serviceTask 'register': is linked to element template"
        + " 'com.example.registerQuestion' version 2, which bpmn/element-templates/ does not have");
  }

  @Test
  void listsEveryProblemAtOnce() {
    project.withoutBean("registerQuestion")
        .diagram("answerQuestion.bpmn", PROCESS.replace("camunda:historyTimeToLive=\"30\"", "")
            .replace("camunda:formRef=\"answer\"", "camunda:formRef=\"reply\""))
        .diagram("urgency.dmn", DECISION.replaceAll("<dmndi:DMNShape .*?</dmndi:DMNShape>", ""));

    assertThat(messages()).anyMatch(m -> m.contains("has no historyTimeToLive"))
        .anyMatch(m -> m.contains("formRef 'reply' has no form"))
        .anyMatch(m -> m.contains("names no Spring bean 'registerQuestion'"))
        .anyMatch(m -> m.contains("has no DMNShape"));
  }

  private List<String> messages() {
    return project.problems().stream().map(Problem::toString).toList();
  }
}
