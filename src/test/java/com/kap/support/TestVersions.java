package com.kap.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;

/**
 * New versions of KAP's diagrams, as a process owner deploys them from Camunda Modeler: read from bpmn/, changed,
 * deployed under a name of their own. {@link #deleteAll()} removes them with their instances, so that the tests
 * sharing the application find KAP's own definitions as the latest again.
 */
public final class TestVersions {

  public static final String DEPLOYMENT_NAME = "kap-migration-test";

  private final RepositoryService repository;
  private final List<String> deploymentIds = new ArrayList<>();

  public TestVersions(RepositoryService repository) {
    this.repository = repository;
  }

  /** KAP's diagram as it is: a version for instances to start on. */
  public ProcessDefinition deployUnchanged(String processKey) {
    return deploy(processKey, model -> { });
  }

  public ProcessDefinition deploy(String processKey, Consumer<BpmnModelInstance> change) {
    BpmnModelInstance model = read(processKey);
    change.accept(model);
    Deployment deployment = repository.createDeployment().name(DEPLOYMENT_NAME)
        .addModelInstance(processKey + ".bpmn", model).deploy();
    deploymentIds.add(deployment.getId());
    return repository.createProcessDefinitionQuery().deploymentId(deployment.getId()).singleResult();
  }

  public void deleteAll() {
    deploymentIds.forEach(id -> repository.deleteDeployment(id, true, true, true));
    deploymentIds.clear();
  }

  private static BpmnModelInstance read(String processKey) {
    try (InputStream xml = TestVersions.class.getResourceAsStream("/" + processKey + ".bpmn")) {
      return Bpmn.readModelFromStream(xml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A harmless change: an activity's new name. */
  public static Consumer<BpmnModelInstance> rename(String activityId, String name) {
    return model -> model.<FlowNode>getModelElementById(activityId).setName(name);
  }

  /**
   * Removes an activity with one incoming and one outgoing flow: the incoming flow leads to where the outgoing one
   * led. Instances waiting in the activity cannot migrate.
   */
  public static Consumer<BpmnModelInstance> remove(String activityId) {
    return model -> {
      FlowNode activity = model.getModelElementById(activityId);
      SequenceFlow in = activity.getIncoming().iterator().next();
      SequenceFlow out = activity.getOutgoing().iterator().next();
      FlowNode next = out.getTarget();
      in.setTarget(next);
      next.getIncoming().remove(out);
      next.getIncoming().add(in);
      removeWithItsDiagram(model, out);
      removeWithItsDiagram(model, activity);
    };
  }

  /** An activity's id changes (references and diagram follow): its instances need an explicit mapping. */
  public static Consumer<BpmnModelInstance> renameId(String activityId, String newId) {
    return model -> model.<FlowNode>getModelElementById(activityId).setId(newId);
  }

  private static void removeWithItsDiagram(BpmnModelInstance model, BaseElement element) {
    model.getModelElementsByType(BpmnShape.class).stream().filter(shape -> shape.getBpmnElement() == element)
        .toList().forEach(shape -> shape.getParentElement().removeChildElement(shape));
    model.getModelElementsByType(BpmnEdge.class).stream().filter(edge -> edge.getBpmnElement() == element)
        .toList().forEach(edge -> edge.getParentElement().removeChildElement(edge));
    element.getParentElement().removeChildElement(element);
  }
}
