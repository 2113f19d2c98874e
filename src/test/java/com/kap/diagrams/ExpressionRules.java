package com.kap.diagrams;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

/**
 * Every expression of a BPMN diagram, in any attribute or text: a {@code delegateExpression} of the form
 * {@code ${name}} must name a Spring bean, and so must the object of every method call, as {@code planFacts} in
 * {@code ${planFacts.kam(execution)}}. Property reads such as {@code ${serviceLevel.planDepth}} are process
 * variables and are left alone.
 */
final class ExpressionRules {

  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
  private static final Pattern BEAN_NAME = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*");
  private static final Pattern METHOD_CALL_ROOT =
      Pattern.compile("(?<![\\w.'\"])([A-Za-z_][A-Za-z0-9_]*)\\s*\\.\\s*[A-Za-z_][A-Za-z0-9_]*\\s*\\(");
  /** elements whose text is for people: an expression quoted there is never evaluated */
  private static final Set<String> PROSE = Set.of("documentation", "text");
  /** what the engine itself puts into an expression's context */
  private static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "variableScope", "caseExecution");

  private final KnownBeans beans;

  ExpressionRules(KnownBeans beans) {
    this.beans = beans;
  }

  /** Adds the problems to {@code problems} and every {@code ${beanName}} delegate or listener to {@code uses}. */
  void check(String file, Document diagram, List<Problem> problems, List<DelegateUse> uses) {
    for (Element element : Xml.elements(diagram.getDocumentElement())) {
      NamedNodeMap attributes = element.getAttributes();
      for (int i = 0; i < attributes.getLength(); i++) {
        Attr attribute = (Attr) attributes.item(i);
        if ("delegateExpression".equals(attribute.getLocalName())) {
          checkDelegate(file, element, attribute.getValue(), problems, uses);
        }
        checkMethodCalls(file, element, attribute.getValue(), problems);
      }
      String text = PROSE.contains(element.getLocalName()) ? null : Xml.leafText(element);
      if (text != null) {
        checkMethodCalls(file, element, text, problems);
      }
    }
  }

  private void checkDelegate(String file, Element holder, String value, List<Problem> problems,
      List<DelegateUse> uses) {
    Matcher expression = EXPRESSION.matcher(value.trim());
    if (!expression.matches()) {
      problems.add(new Problem(file, Xml.owner(holder), "delegateExpression '" + value + "' is not an expression"));
      return;
    }
    Matcher name = BEAN_NAME.matcher(expression.group(1));
    if (!name.matches()) {
      return;
    }
    String bean = name.group(1);
    DelegateUse.Kind kind = DelegateUse.Kind.of(holder.getLocalName());
    uses.add(new DelegateUse(bean, kind, file, Xml.owner(holder)));
    if (!beans.exists(bean)) {
      problems.add(new Problem(file, Xml.owner(holder), describe(kind, holder) + " '" + value
          + "' names no Spring bean '" + bean + "'"));
    }
  }

  private void checkMethodCalls(String file, Element element, String value, List<Problem> problems) {
    Matcher expression = EXPRESSION.matcher(value);
    while (expression.find()) {
      Matcher call = METHOD_CALL_ROOT.matcher(expression.group(1));
      while (call.find()) {
        String root = call.group(1);
        if (!ENGINE_NAMES.contains(root) && !beans.exists(root)) {
          problems.add(new Problem(file, Xml.owner(element), "expression '" + expression.group()
              + "' calls a method of '" + root + "', which is no Spring bean"));
        }
      }
    }
  }

  private static String describe(DelegateUse.Kind kind, Element holder) {
    return switch (kind) {
      case EXECUTION_LISTENER -> "execution listener (" + holder.getAttribute("event") + ")";
      case TASK_LISTENER -> "task listener (" + holder.getAttribute("event") + ")";
      case DELEGATE -> "delegateExpression";
    };
  }
}
