package com.kap.diagrams;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The rules for one DMN diagram that Camunda's parser does not enforce: a history time to live on every decision,
 * and a DMNShape for every element of the decision requirements diagram.
 */
final class DmnRules {

  private static final Set<String> DRG_ELEMENTS =
      Set.of("decision", "inputData", "knowledgeSource", "businessKnowledgeModel");

  private DmnRules() {}

  static void check(String file, Document diagram, List<Problem> problems) {
    List<Element> elements = Xml.elements(diagram.getDocumentElement());
    Set<String> drawn = new HashSet<>();
    for (Element element : elements) {
      if ("DMNShape".equals(element.getLocalName())) {
        drawn.add(element.getAttribute("dmnElementRef"));
      }
    }
    for (Element element : elements) {
      if (!DRG_ELEMENTS.contains(element.getLocalName()) || element.getParentNode() != diagram.getDocumentElement()) {
        continue;
      }
      String id = element.getAttribute("id");
      String where = element.getLocalName() + " '" + id + "'";
      if ("decision".equals(element.getLocalName())
          && element.getAttributeNS(Xml.CAMUNDA_DMN, "historyTimeToLive").isBlank()) {
        problems.add(new Problem(file, where, "has no historyTimeToLive: its history would never be cleaned up"));
      }
      if (!drawn.contains(id)) {
        problems.add(new Problem(file, where, "has no DMNShape: Camunda Modeler would not show it"));
      }
    }
  }
}
