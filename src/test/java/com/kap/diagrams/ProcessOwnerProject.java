package com.kap.diagrams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small project of a process owner's files in a temporary folder, valid until a test breaks it: one process
 * with a start form, a user task with a form and a listener, a service task, one decision, their forms and
 * element templates, and the listener's source. Written here rather than as resource files, so that no scan of
 * the class path ever deploys them.
 */
final class ProcessOwnerProject {

  static final String PROCESS = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                        xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
                        xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
                        xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
                        xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                        id="answerDefinitions" targetNamespace="https://kap.example/test">
        <bpmn:process id="answerQuestion" name="Answer question" isExecutable="true" camunda:historyTimeToLive="30">
          <bpmn:startEvent id="asked" name="Asked" camunda:formRef="ask" camunda:formRefBinding="latest">
            <bpmn:outgoing>toRegister</bpmn:outgoing>
          </bpmn:startEvent>
          <bpmn:serviceTask id="register" name="Register question" camunda:delegateExpression="${registerQuestion}">
            <bpmn:incoming>toRegister</bpmn:incoming>
            <bpmn:outgoing>toAnswer</bpmn:outgoing>
          </bpmn:serviceTask>
          <bpmn:userTask id="answer" name="Answer" camunda:formRef="answer" camunda:formRefBinding="latest"
                         camunda:assignee="${people.expert(execution)}" camunda:candidateGroups="experts">
            <bpmn:extensionElements>
              <camunda:executionListener delegateExpression="${recordAnswer}" event="end" />
            </bpmn:extensionElements>
            <bpmn:incoming>toAnswer</bpmn:incoming>
            <bpmn:outgoing>toAnswered</bpmn:outgoing>
          </bpmn:userTask>
          <bpmn:endEvent id="answered" name="Answered">
            <bpmn:incoming>toAnswered</bpmn:incoming>
          </bpmn:endEvent>
          <bpmn:sequenceFlow id="toRegister" sourceRef="asked" targetRef="register" />
          <bpmn:sequenceFlow id="toAnswer" sourceRef="register" targetRef="answer" />
          <bpmn:sequenceFlow id="toAnswered" sourceRef="answer" targetRef="answered" />
        </bpmn:process>
        <bpmndi:BPMNDiagram id="answerDiagram">
          <bpmndi:BPMNPlane id="answerPlane" bpmnElement="answerQuestion">
            <bpmndi:BPMNShape id="askedShape" bpmnElement="asked"><dc:Bounds x="100" y="100" width="36" height="36" /></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="registerShape" bpmnElement="register"><dc:Bounds x="200" y="80" width="100" height="80" /></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="answerShape" bpmnElement="answer"><dc:Bounds x="350" y="80" width="100" height="80" /></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="answeredShape" bpmnElement="answered"><dc:Bounds x="500" y="100" width="36" height="36" /></bpmndi:BPMNShape>
            <bpmndi:BPMNEdge id="toRegisterEdge" bpmnElement="toRegister"><di:waypoint x="136" y="118" /><di:waypoint x="200" y="118" /></bpmndi:BPMNEdge>
            <bpmndi:BPMNEdge id="toAnswerEdge" bpmnElement="toAnswer"><di:waypoint x="300" y="118" /><di:waypoint x="350" y="118" /></bpmndi:BPMNEdge>
            <bpmndi:BPMNEdge id="toAnsweredEdge" bpmnElement="toAnswered"><di:waypoint x="450" y="118" /><di:waypoint x="500" y="118" /></bpmndi:BPMNEdge>
          </bpmndi:BPMNPlane>
        </bpmndi:BPMNDiagram>
      </bpmn:definitions>
      """;

  static final String DECISION = """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
                   xmlns:dmndi="https://www.omg.org/spec/DMN/20191111/DMNDI/"
                   xmlns:dc="http://www.omg.org/spec/DMN/20180521/DC/"
                   xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                   id="urgencyDefinitions" name="Urgency" namespace="https://kap.example/test">
        <decision id="urgency" name="Urgency" camunda:historyTimeToLive="30">
          <decisionTable id="urgencyTable">
            <input id="topicInput"><inputExpression id="topicExpression" typeRef="string"><text>topic</text></inputExpression></input>
            <output id="urgentOutput" name="urgent" typeRef="boolean" />
            <rule id="billing"><inputEntry id="billingTopic"><text>"billing"</text></inputEntry><outputEntry id="billingUrgent"><text>true</text></outputEntry></rule>
          </decisionTable>
        </decision>
        <dmndi:DMNDI>
          <dmndi:DMNDiagram id="urgencyDiagram">
            <dmndi:DMNShape id="urgencyShape" dmnElementRef="urgency"><dc:Bounds height="80" width="180" x="100" y="100" /></dmndi:DMNShape>
          </dmndi:DMNDiagram>
        </dmndi:DMNDI>
      </definitions>
      """;

  static final String ASK_FORM = """
      {"id": "ask", "type": "default", "components": [
        {"id": "questionField", "key": "question", "type": "textarea", "label": "Question"}
      ]}
      """;

  static final String ANSWER_FORM = """
      {"id": "answer", "type": "default", "components": [
        {"id": "answerField", "key": "answer", "type": "textarea", "label": "Answer"},
        {"id": "sourcesList", "type": "dynamiclist", "path": "sources", "components": [
          {"id": "sourceLink", "key": "link", "type": "textfield", "label": "Link"}
        ]},
        {"id": "submitButton", "key": "submit", "type": "button", "label": "Submit"}
      ]}
      """;

  static final String TEMPLATES = """
      [
        {"$schema": "https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json",
         "name": "Register question", "id": "com.example.registerQuestion", "version": 1,
         "description": "Registers the question.", "appliesTo": ["bpmn:ServiceTask"],
         "properties": [{"type": "Hidden", "value": "${registerQuestion}",
                         "binding": {"type": "property", "name": "camunda:delegateExpression"}}]},
        {"$schema": "https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json",
         "name": "Answer", "id": "com.example.recordAnswer", "version": 1,
         "description": "The expert answers.", "appliesTo": ["bpmn:UserTask"],
         "properties": [{"type": "Hidden", "value": "answer", "binding": {"type": "property", "name": "camunda:formRef"}},
                        {"type": "Hidden", "value": "${recordAnswer}", "binding": {"type": "camunda:executionListener",
                         "event": "end", "implementationType": "delegateExpression"}}]}
      ]
      """;

  static final String LISTENER_CLASS = "com.example.answers.RecordAnswerListener";

  static final String LISTENER_SOURCE = """
      package com.example.answers;

      class RecordAnswerListener {
        void completed(DelegateExecution execution) {
          FormValues values = FormValues.of(execution);
          String answer = values.text("answer", true, 1000);
          for (Map<String, Object> entry : values.objectList("sources")) {
            FormValues.text(entry, "sources", "link", true, 200);
          }
        }
      }
      """;

  private final Path root;
  private final Map<String, String> beanClasses = new HashMap<>(Map.of("registerQuestion", "com.example.Register",
      "recordAnswer", LISTENER_CLASS, "people", "com.example.People"));

  ProcessOwnerProject(Path root) {
    this.root = root;
    diagram("answerQuestion.bpmn", PROCESS);
    diagram("urgency.dmn", DECISION);
    form("ask.form", ASK_FORM);
    form("answer.form", ANSWER_FORM);
    template("answers.json", TEMPLATES);
    javaSource(LISTENER_CLASS, LISTENER_SOURCE);
  }

  ProcessOwnerProject diagram(String name, String xml) {
    return write("bpmn/" + name, xml);
  }

  ProcessOwnerProject form(String name, String json) {
    return write("forms/" + name, json);
  }

  ProcessOwnerProject template(String name, String json) {
    return write("bpmn/element-templates/" + name, json);
  }

  ProcessOwnerProject javaSource(String className, String source) {
    return write("src/main/java/" + className.replace('.', '/') + ".java", source);
  }

  ProcessOwnerProject withoutBean(String name) {
    beanClasses.remove(name);
    return this;
  }

  List<Problem> problems() {
    return new DiagramCheck(ProjectFiles.of(root), beans()).problems();
  }

  private KnownBeans beans() {
    return new KnownBeans() {
      @Override
      public boolean exists(String name) {
        return beanClasses.containsKey(name);
      }

      @Override
      public Optional<String> className(String name) {
        return Optional.ofNullable(beanClasses.get(name));
      }

      @Override
      public Object instance(String name) {
        return null;
      }
    };
  }

  private ProcessOwnerProject write(String path, String content) {
    try {
      Path file = root.resolve(path);
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
