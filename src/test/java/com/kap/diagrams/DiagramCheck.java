package com.kap.diagrams;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * Checks a process owner's files before KAP deploys them, and names every problem at once: each diagram deploys
 * on Camunda, each expression names existing beans, each form exists and has the fields its listeners read, each
 * user task has a form and someone to do it, each process and decision a history time to live, each element a
 * shape, each element template its required fields and existing beans.
 */
public final class DiagramCheck {

  private final ProjectFiles files;
  private final KnownBeans beans;
  private final EngineDeployment engine;

  public DiagramCheck(ProjectFiles files, KnownBeans beans) {
    this.files = files;
    this.beans = beans;
    this.engine = EngineDeployment.shared(beans);
  }

  public List<Problem> problems() {
    List<Problem> problems = new ArrayList<>();
    FormDefinitions forms = FormDefinitions.read(files, problems);
    ElementTemplateRules templates = ElementTemplateRules.read(files, problems);
    templates.checkReferences(beans, forms);
    FormReads formReads = new FormReads(files.javaSources());
    List<DelegateUse> uses = new ArrayList<>();
    for (Path diagram : files.diagramsEndingIn(".bpmn")) {
      String name = files.name(diagram);
      problems.addAll(engine.deploy(name, diagram));
      Document xml = xml(name, diagram, problems);
      BpmnModelInstance model = model(name, diagram, problems);
      if (xml != null && model != null) {
        new ExpressionRules(beans).check(name, xml, problems, uses);
        new BpmnRules(name, model, beans, forms, formReads, problems).check();
        templates.checkLinks(name, xml);
      }
    }
    for (Path diagram : files.diagramsEndingIn(".dmn")) {
      String name = files.name(diagram);
      problems.addAll(engine.deploy(name, diagram));
      Document xml = xml(name, diagram, problems);
      if (xml != null) {
        DmnRules.check(name, xml, problems);
      }
    }
    templates.checkEveryDelegateHasATemplate(uses);
    return problems;
  }

  private static Document xml(String name, Path diagram, List<Problem> problems) {
    try {
      return Xml.read(diagram);
    } catch (IOException | SAXException e) {
      problems.add(Problem.inFile(name, "is not well-formed XML: " + e.getMessage()));
      return null;
    }
  }

  private static BpmnModelInstance model(String name, Path diagram, List<Problem> problems) {
    try {
      return Bpmn.readModelFromFile(diagram.toFile());
    } catch (RuntimeException e) {
      problems.add(Problem.inFile(name, "is not valid BPMN: " + e.getMessage()));
      return null;
    }
  }
}
