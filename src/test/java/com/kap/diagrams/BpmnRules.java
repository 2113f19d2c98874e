package com.kap.diagrams;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Artifact;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.DataObject;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.MessageFlow;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The rules for one BPMN diagram that Camunda's parser does not enforce: a history time to live on every process,
 * a shape or edge for every element (Camunda Modeler shows nothing else), a form and someone to do it for every
 * user task, a form in forms/ for every formRef, and in that form the fields its listeners read.
 */
final class BpmnRules {

  private static final String CAMUNDA = Xml.CAMUNDA_BPMN;
  private static final String FORMS_DEPLOYMENT = "camunda-forms:deployment:";

  private final String file;
  private final BpmnModelInstance model;
  private final KnownBeans beans;
  private final FormDefinitions forms;
  private final FormReads formReads;
  private final List<Problem> problems;

  BpmnRules(String file, BpmnModelInstance model, KnownBeans beans, FormDefinitions forms, FormReads formReads,
      List<Problem> problems) {
    this.file = file;
    this.model = model;
    this.beans = beans;
    this.forms = forms;
    this.formReads = formReads;
    this.problems = problems;
  }

  void check() {
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (blank(process.getAttributeValueNs(CAMUNDA, "historyTimeToLive"))) {
        problem(process, "has no historyTimeToLive: its history would never be cleaned up");
      }
    }
    checkShapes();
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      checkUserTask(task);
    }
    for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
      String formRef = element.getAttributeValueNs(CAMUNDA, "formRef");
      if (!blank(formRef) && !formRef.contains("{")) {
        checkForm(element, formRef);
      }
      checkFormKey(element);
    }
  }

  private void checkShapes() {
    Set<String> drawn = new HashSet<>();
    model.getModelElementsByType(BpmnShape.class).forEach(s -> drawn.add(s.getAttributeValue("bpmnElement")));
    model.getModelElementsByType(BpmnEdge.class).forEach(e -> drawn.add(e.getAttributeValue("bpmnElement")));
    List<BaseElement> drawable = new ArrayList<>();
    model.getModelElementsByType(FlowElement.class).stream().filter(e -> !(e instanceof DataObject))
        .forEach(drawable::add);
    drawable.addAll(model.getModelElementsByType(Artifact.class));
    drawable.addAll(model.getModelElementsByType(Participant.class));
    drawable.addAll(model.getModelElementsByType(Lane.class));
    drawable.addAll(model.getModelElementsByType(MessageFlow.class));
    for (BaseElement element : drawable) {
      if (!drawn.contains(element.getId())) {
        problem(element, "has no " + (element instanceof SequenceFlow || element instanceof MessageFlow
            ? "BPMNEdge" : "BPMNShape") + " in the diagram: Camunda Modeler would not show it");
      }
    }
  }

  private void checkUserTask(UserTask task) {
    if (blank(task.getAttributeValueNs(CAMUNDA, "formRef")) && blank(task.getAttributeValueNs(CAMUNDA, "formKey"))) {
      problem(task, "has no form (camunda:formRef or camunda:formKey)");
    }
    boolean assigned = !blank(task.getAttributeValueNs(CAMUNDA, "assignee"))
        || !blank(task.getAttributeValueNs(CAMUNDA, "candidateUsers"))
        || !blank(task.getAttributeValueNs(CAMUNDA, "candidateGroups"))
        || !task.getResourceRoles().isEmpty();
    if (!assigned) {
      problem(task, "has no assignee, candidate users or candidate groups: nobody would see it in Tasklist");
    }
  }

  private void checkFormKey(BaseElement element) {
    String formKey = element.getAttributeValueNs(CAMUNDA, "formKey");
    if (formKey != null && formKey.startsWith(FORMS_DEPLOYMENT)) {
      String resource = formKey.substring(FORMS_DEPLOYMENT.length());
      if (!forms.hasFile(resource)) {
        problem(element, "formKey '" + formKey + "' names no file in forms/");
      }
    }
  }

  private void checkForm(BaseElement element, String formRef) {
    forms.byId(formRef).ifPresentOrElse(form -> checkFieldsRead(element, form),
        () -> problem(element, "formRef '" + formRef + "' has no form in forms/ (no .form file has that id)"));
  }

  private void checkFieldsRead(BaseElement element, Form form) {
    for (String bean : readers(element)) {
      String className = beans.className(bean).orElse(null);
      if (className == null) {
        continue;
      }
      FormReads.Reads reads = formReads.of(className);
      String reader = bean + " (" + className.substring(className.lastIndexOf('.') + 1) + ")";
      reads.fields().stream().filter(field -> !form.variables().contains(field)).forEach(field -> problem(element,
          "its form '" + form.id() + "' has no field '" + field + "', which " + reader + " reads"));
      reads.entryKeys().stream().filter(key -> !form.entryKeys().contains(key)).forEach(key -> problem(element,
          "its form '" + form.id() + "' has no list field '" + key + "', which " + reader + " reads from each entry"));
    }
  }

  /**
   * The beans that read what the element's form submits: its listeners and, for a start form, the delegates of
   * the service tasks the start event leads to.
   */
  private Set<String> readers(BaseElement element) {
    Set<String> readers = new LinkedHashSet<>();
    if (element.getExtensionElements() != null) {
      for (ModelElementInstance listener : element.getExtensionElements().getElements()) {
        if (listener instanceof CamundaExecutionListener || listener instanceof CamundaTaskListener) {
          beanOf(listener.getAttributeValue("delegateExpression"), readers);
        }
      }
    }
    if (element instanceof StartEvent start) {
      for (SequenceFlow flow : start.getOutgoing()) {
        FlowNode next = flow.getTarget();
        if (next != null) {
          beanOf(next.getAttributeValueNs(CAMUNDA, "delegateExpression"), readers);
        }
      }
    }
    return readers;
  }

  private static void beanOf(String delegateExpression, Set<String> into) {
    if (delegateExpression != null && delegateExpression.matches("\\$\\{\\s*\\w+\\s*}")) {
      into.add(delegateExpression.replaceAll("[${}\\s]", ""));
    }
  }

  private void problem(BaseElement element, String message) {
    String name = element.getAttributeValue("name");
    problems.add(new Problem(file, element.getElementType().getTypeName() + " '" + element.getId() + "'"
        + (blank(name) ? "" : " (" + name.replaceAll("\\s+", " ") + ")"), message));
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
