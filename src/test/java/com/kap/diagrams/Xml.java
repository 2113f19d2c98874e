package com.kap.diagrams;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** Reads a diagram as a namespace-aware DOM; a DOCTYPE is refused, as KAP's engine refuses it. */
final class Xml {

  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";
  static final String CAMUNDA_BPMN = "http://camunda.org/schema/1.0/bpmn";
  static final String CAMUNDA_DMN = "http://camunda.org/schema/1.0/dmn";

  private Xml() {}

  static Document read(Path file) throws IOException, SAXException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setExpandEntityReferences(false);
      return factory.newDocumentBuilder().parse(Files.newInputStream(file));
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every element below {@code root}, in document order, {@code root} included. */
  static List<Element> elements(Element root) {
    List<Element> all = new ArrayList<>();
    collect(root, all);
    return all;
  }

  private static void collect(Element element, List<Element> into) {
    into.add(element);
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        collect(childElement, into);
      }
    }
  }

  /** The nearest element, itself or an ancestor, with an id: how a problem names where it is. */
  static String owner(Element element) {
    for (Node node = element; node instanceof Element e; node = node.getParentNode()) {
      if (e.hasAttribute("id")) {
        return e.getLocalName() + " '" + e.getAttribute("id") + "'";
      }
    }
    return null;
  }

  /** The text of an element without child elements, else null. */
  static String leafText(Element element) {
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element) {
        return null;
      }
    }
    return element.getTextContent();
  }
}
