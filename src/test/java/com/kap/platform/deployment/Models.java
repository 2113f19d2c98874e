package com.kap.platform.deployment;

import java.nio.file.Path;
import java.util.List;

/**
 * Models for deployment tests, written here rather than as resource files so that no scan of the class path ever
 * deploys them. Each hostile one comes with what its refusal must say.
 */
final class Models {

  private Models() {}

  /** A model a policy must refuse: expected, a part of the refusal; elementId, the element the refusal points at. */
  record Hostile(String resource, String key, String xml, String expected, String elementId) {
    @Override
    public String toString() {
      return resource;
    }
  }

  static String bpmn(String processId, String body) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                     xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                     xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="definitions" targetNamespace="https://kap.example/test">
          <process id="%s" isExecutable="true" camunda:historyTimeToLive="1">
        %s
          </process>
        </definitions>
        """.formatted(processId, body);
  }

  static String dmn(String definitionsAttributes, String decisionId, String decisionBody) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                     id="definitions" name="Test" namespace="https://kap.example/test" %s>
          <decision id="%s" name="Test decision" camunda:historyTimeToLive="1">
        %s
          </decision>
        </definitions>
        """.formatted(definitionsAttributes, decisionId, decisionBody);
  }

  /** A decision table with one input and one rule, the expression languages as given (null: none stated). */
  static String decisionTable(String inputExpressionLanguage, String inputEntryLanguage, String outputEntryLanguage) {
    return """
            <decisionTable id="table">
              <input id="amountInput"><inputExpression id="amountExpression" typeRef="integer"%s><text>amount</text></inputExpression></input>
              <output id="verdictOutput" name="verdict" typeRef="string"/>
              <rule id="bigAmount">
                <inputEntry id="bigAmountTest"%s><text>&gt; 100</text></inputEntry>
                <outputEntry id="bigAmountVerdict"%s><text>"big"</text></outputEntry>
              </rule>
            </decisionTable>
        """.formatted(language(inputExpressionLanguage), language(inputEntryLanguage), language(outputEntryLanguage));
  }

  private static String language(String expressionLanguage) {
    return expressionLanguage == null ? "" : " expressionLanguage=\"" + expressionLanguage + "\"";
  }

  static List<Hostile> scripts() {
    return List.of(
        new Hostile("scriptTask.bpmn", "scriptTaskProcess", bpmn("scriptTaskProcess", """
            <startEvent id="start"/>
            <sequenceFlow id="toCompute" sourceRef="start" targetRef="computeTotal"/>
            <scriptTask id="computeTotal" scriptFormat="javascript"><script>execution.setVariable('total', 1)</script></scriptTask>
            """), "scriptTask.bpmn: scriptTask 'computeTotal' uses script language 'javascript', which KAP does not"
            + " allow (kap.deployment.allowed-script-languages)", "computeTotal"),
        new Hostile("scriptResource.bpmn", "scriptResourceProcess", bpmn("scriptResourceProcess", """
            <startEvent id="start"/>
            <sequenceFlow id="toCompute" sourceRef="start" targetRef="computeFromFile"/>
            <scriptTask id="computeFromFile" scriptFormat="JavaScript" camunda:resource="deployment://compute.js"/>
            """), "scriptTask 'computeFromFile' uses script language 'JavaScript'", "computeFromFile"),
        new Hostile("executionListener.bpmn", "executionListenerProcess", bpmn("executionListenerProcess", """
            <startEvent id="start">
              <extensionElements>
                <camunda:executionListener event="start"><camunda:script scriptFormat="groovy">println 'hi'</camunda:script></camunda:executionListener>
              </extensionElements>
            </startEvent>
            """), "startEvent 'start' > extensionElements > executionListener > script uses script language 'groovy'",
            "start"),
        new Hostile("taskListener.bpmn", "taskListenerProcess", bpmn("taskListenerProcess", """
            <startEvent id="start"/>
            <sequenceFlow id="toReview" sourceRef="start" targetRef="review"/>
            <userTask id="review">
              <extensionElements>
                <camunda:taskListener event="create"><camunda:script scriptFormat="python">task.setAssignee('x')</camunda:script></camunda:taskListener>
              </extensionElements>
            </userTask>
            """), "userTask 'review' > extensionElements > taskListener > script uses script language 'python'", "review"),
        new Hostile("inputParameter.bpmn", "inputParameterProcess", bpmn("inputParameterProcess", """
            <startEvent id="start"/>
            <sequenceFlow id="toPrepare" sourceRef="start" targetRef="prepare"/>
            <task id="prepare">
              <extensionElements>
                <camunda:inputOutput>
                  <camunda:inputParameter name="totals">
                    <camunda:list><camunda:value>1</camunda:value><camunda:script scriptFormat="javascript">2</camunda:script></camunda:list>
                  </camunda:inputParameter>
                </camunda:inputOutput>
              </extensionElements>
            </task>
            """), "task 'prepare' > extensionElements > inputOutput > inputParameter 'totals' > list > script uses script"
            + " language 'javascript'", "prepare"),
        new Hostile("outputParameter.bpmn", "outputParameterProcess", bpmn("outputParameterProcess", """
            <startEvent id="start"/>
            <sequenceFlow id="toPrepare" sourceRef="start" targetRef="prepare"/>
            <task id="prepare">
              <extensionElements>
                <camunda:inputOutput>
                  <camunda:outputParameter name="summary">
                    <camunda:map><camunda:entry key="total"><camunda:script scriptFormat="ruby">1</camunda:script></camunda:entry></camunda:map>
                  </camunda:outputParameter>
                </camunda:inputOutput>
              </extensionElements>
            </task>
            """), "outputParameter 'summary' > map > entry > script uses script language 'ruby'", "prepare"),
        new Hostile("condition.bpmn", "conditionProcess", bpmn("conditionProcess", """
            <startEvent id="start"/>
            <sequenceFlow id="toChoice" sourceRef="start" targetRef="choice"/>
            <exclusiveGateway id="choice" default="otherwise"/>
            <sequenceFlow id="big" sourceRef="choice" targetRef="end">
              <conditionExpression xsi:type="tFormalExpression" language="javascript">amount &gt; 100</conditionExpression>
            </sequenceFlow>
            <sequenceFlow id="otherwise" sourceRef="choice" targetRef="end"/>
            <endEvent id="end"/>
            """), "sequenceFlow 'big' > conditionExpression uses script language 'javascript'", "big"),
        new Hostile("conditionalEvent.bpmn", "conditionalEventProcess", bpmn("conditionalEventProcess", """
            <startEvent id="start"/>
            <sequenceFlow id="toWait" sourceRef="start" targetRef="waitForBudget"/>
            <intermediateCatchEvent id="waitForBudget">
              <conditionalEventDefinition id="budgetKnown" camunda:variableName="budget">
                <condition xsi:type="tFormalExpression" language="groovy">budget != null</condition>
              </conditionalEventDefinition>
            </intermediateCatchEvent>
            """), "conditionalEventDefinition 'budgetKnown' > condition uses script language 'groovy'", "budgetKnown"),
        new Hostile("definitionsLanguage.dmn", "definitionsLanguageDecision",
            dmn("expressionLanguage=\"javascript\"", "definitionsLanguageDecision", decisionTable(null, null, null)),
            "definitionsLanguage.dmn: definitions 'definitions' uses expression language 'javascript', which KAP does"
                + " not allow (kap.deployment.allowed-script-languages)", "definitions"),
        new Hostile("inputExpression.dmn", "inputExpressionDecision",
            dmn("", "inputExpressionDecision", decisionTable("groovy", null, null)),
            "inputExpression 'amountExpression' uses expression language 'groovy'", "amountExpression"),
        new Hostile("inputEntry.dmn", "inputEntryDecision",
            dmn("", "inputEntryDecision", decisionTable(null, "javascript", null)),
            "inputEntry 'bigAmountTest' uses expression language 'javascript'", "bigAmountTest"),
        new Hostile("outputEntry.dmn", "outputEntryDecision",
            dmn("", "outputEntryDecision", decisionTable(null, null, "python")),
            "outputEntry 'bigAmountVerdict' uses expression language 'python'", "bigAmountVerdict"),
        new Hostile("literalExpression.dmn", "literalExpressionDecision", dmn("", "literalExpressionDecision", """
                <variable name="answer" typeRef="integer"/>
                <literalExpression id="answerExpression" expressionLanguage="javascript"><text>6 * 7</text></literalExpression>
            """), "literalExpression 'answerExpression' uses expression language 'javascript'", "answerExpression"));
  }

  /** Models whose DOCTYPE would read the secret file into the model, or expand an entity a billion times. */
  static List<Hostile> doctypes(Path secretFile) {
    String readSecret = "<!DOCTYPE definitions [<!ENTITY secret SYSTEM \"" + secretFile.toUri() + "\">]>";
    String laughs = """
        <!DOCTYPE definitions [
          <!ENTITY lol "lol">
          <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
          <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
          <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
          <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
          <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
          <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
          <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
          <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
        ]>""";
    String doctypeRefused = "(KAP reads models without DOCTYPE declarations and external entities)";
    return List.of(
        new Hostile("readsFile.bpmn", "readsFileProcess",
            withDoctype(named(bpmn("readsFileProcess", "<startEvent id=\"start\"/>"), "&secret;"), readSecret),
            doctypeRefused, null),
        new Hostile("laughs.bpmn", "laughsProcess",
            withDoctype(named(bpmn("laughsProcess", "<startEvent id=\"start\"/>"), "&lol9;"), laughs),
            doctypeRefused, null),
        new Hostile("readsFile.dmn", "readsFileDecision", withDoctype(dmn("", "readsFileDecision", """
                <variable name="answer" typeRef="string"/>
                <literalExpression id="answerExpression"><text>"&secret;"</text></literalExpression>
            """).replace("Test decision", "&secret;"), readSecret), doctypeRefused, null),
        new Hostile("laughs.dmn", "laughsDecision", withDoctype(dmn("", "laughsDecision", """
                <variable name="answer" typeRef="string"/>
                <literalExpression id="answerExpression"><text>"&lol9;"</text></literalExpression>
            """).replace("Test decision", "&lol9;"), laughs), doctypeRefused, null));
  }

  /** The process named, so that an expanded entity would show in the deployed definition. */
  private static String named(String bpmn, String name) {
    return bpmn.replace("isExecutable=", "name=\"" + name + "\" isExecutable=");
  }

  private static String withDoctype(String model, String doctype) {
    return model.replaceFirst("\\?>\n", "?>\n" + doctype + "\n");
  }
}
