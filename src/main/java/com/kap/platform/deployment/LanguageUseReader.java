package com.kap.platform.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/** Reads a model with the hardened parser and lists every place that names a script or expression language. */
final class LanguageUseReader extends DefaultHandler {

  private record OpenElement(String name, String id, String label) {}

  private final ModelKind kind;
  private final Deque<OpenElement> open = new ArrayDeque<>();
  private final List<LanguageUse> uses = new ArrayList<>();
  private Locator locator;

  private LanguageUseReader(ModelKind kind) {
    this.kind = kind;
  }

  /** @throws SAXException if the model is no well-formed XML or declares a DOCTYPE */
  static List<LanguageUse> read(byte[] model, ModelKind kind) throws SAXException, IOException {
    LanguageUseReader reader = new LanguageUseReader(kind);
    HardenedXmlParser.create().parse(new ByteArrayInputStream(model), reader);
    return reader.uses;
  }

  @Override
  public void setDocumentLocator(Locator locator) {
    this.locator = locator;
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes attributes) {
    String id = attributes.getValue("", "id");
    // camunda:inputParameter and the like have no id, but a name that tells them apart
    String label = id != null ? id : attributes.getValue("", "name");
    open.push(new OpenElement(localName, id, label));
    for (String language : kind.languagesNamedBy(localName, attributes)) {
      uses.add(new LanguageUse(site(), nearestId(), language, locator.getLineNumber(), locator.getColumnNumber()));
    }
  }

  @Override
  public void endElement(String uri, String localName, String qName) {
    open.pop();
  }

  /** The open elements from the innermost one with an id down to the current one. */
  private List<OpenElement> fromNearestId() {
    List<OpenElement> path = new ArrayList<>();
    for (Iterator<OpenElement> inward = open.iterator(); inward.hasNext(); ) {
      OpenElement element = inward.next();
      path.add(0, element);
      if (element.id() != null) {
        break;
      }
    }
    return path;
  }

  private String site() {
    return fromNearestId().stream()
        .map(element -> element.label() == null ? element.name() : element.name() + " '" + element.label() + "'")
        .collect(Collectors.joining(" > "));
  }

  private String nearestId() {
    return fromNearestId().get(0).id();
  }
}
