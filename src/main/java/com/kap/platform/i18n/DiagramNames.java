package com.kap.platform.i18n;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.stream.StreamResult;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The names a process diagram shows, and the diagram in another language: every named element of a process (its
 * tasks, events, gateways, subprocesses, named sequence flows such as "yes" / "no", and any participant or lane) has
 * its French in {@code processes_fr.properties} under {@code <processKey>.<elementId>.name}, the process itself under
 * {@code <processKey>.name} (the user tasks' names are the same keys Tasklist's task list uses). The names of messages
 * and of variables ({@code camunda:outputParameter}) are not shown and not translated.
 */
public final class DiagramNames {

  private static final String NAME = "name";

  private DiagramNames() {}

  /** The diagram's named elements that a person sees, by their key; a nameless one has nothing to translate. */
  public static Map<String, ModelElementInstance> of(BpmnModelInstance model) {
    Map<String, ModelElementInstance> named = new LinkedHashMap<>();
    for (Process process : model.getModelElementsByType(Process.class)) {
      put(named, process.getId() + ".name", process);
    }
    for (Participant participant : model.getModelElementsByType(Participant.class)) {
      if (participant.getProcess() != null) {
        put(named, participant.getProcess().getId() + "." + participant.getId() + ".name", participant);
      }
    }
    for (Lane lane : model.getModelElementsByType(Lane.class)) {
      put(named, lane, lane.getId());
    }
    for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
      put(named, element, element.getId());
    }
    return named;
  }

  /**
   * A deployed diagram ({@code bpmn20Xml}) with its names in the language, else as it is: only the {@code name}
   * attributes change, and only those that have a translation; ids and everything else stay as they are.
   */
  public static String translate(String xml, Locale locale) {
    if (!SourceTexts.isFrench(locale) || xml == null || xml.isEmpty()) {
      return xml;
    }
    BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    boolean changed = false;
    for (Map.Entry<String, ModelElementInstance> named : of(model).entrySet()) {
      String text = SourceTexts.text(locale, named.getKey());
      if (text != null) {
        named.getValue().setAttributeValue(NAME, text);
        changed = true;
      }
    }
    return changed ? write(model) : xml;
  }

  /** The document as read, without the model API's re-indentation; a line break in a name stays {@code &#10;}. */
  private static String write(BpmnModelInstance model) {
    try {
      TransformerFactory factory = TransformerFactory.newInstance();
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
      Transformer transformer = factory.newTransformer();
      transformer.setOutputProperty(OutputKeys.ENCODING, StandardCharsets.UTF_8.name());
      StringWriter out = new StringWriter();
      transformer.transform(model.getDocument().getDomSource(), new StreamResult(out));
      return out.toString();
    } catch (TransformerException e) {
      throw new IllegalStateException("The translated diagram could not be written", e);
    }
  }

  private static void put(Map<String, ModelElementInstance> named, ModelElementInstance element, String id) {
    ModelElementInstance parent = element.getParentElement();
    while (parent != null && !(parent instanceof Process)) {
      parent = parent.getParentElement();
    }
    if (parent != null) {
      put(named, ((Process) parent).getId() + "." + id + ".name", element);
    }
  }

  private static void put(Map<String, ModelElementInstance> named, String key, ModelElementInstance element) {
    String name = element.getAttributeValue(NAME);
    if (name != null && !name.isBlank()) {
      named.put(key, element);
    }
  }
}
