package com.kap.platform.engineguard;

import static org.assertj.core.api.Assertions.assertThat;

import com.kap.platform.forms.FormFields;
import com.kap.support.KapTest;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.runtime.ExecutionImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Finding 1 of the red-team review: no expression in {@code bpmn/} can be shadowed by a variable. Walks every
 * expression of every diagram (delegates, listeners, conditions, assignees, collections, timers, parameters) and
 * tries to shadow each name it starts from: a name that is a Spring bean is evaluated by the engine's own expression
 * manager with a variable of that name present, and must still give the bean; any other name is a variable, and no
 * form of its process may declare it (users write only form fields, {@link UserCommandGuard}).
 */
@KapTest
class ExpressionShadowingTest {

  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
  /** A name an expression starts from: not after a '.', not inside quotes (good enough for KAP's diagrams). */
  private static final Pattern ROOT_NAME = Pattern.compile("(?<![.\\w'\"])([A-Za-z_]\\w*)");
  private static final Set<String> EL_WORDS = Set.of("true", "false", "null", "empty", "not", "and", "or", "eq", "ne",
      "lt", "gt", "le", "ge", "div", "mod", "instanceof");
  /** Resolved by the engine before any variable ({@code VariableScopeElResolver}) or a function. */
  private static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "authenticatedUserId", "currentUser",
      "currentUserGroups", "dateTime", "now");

  @Autowired ApplicationContext applicationContext;
  @Autowired ProcessEngineConfigurationImpl engineConfiguration;

  @Test
  void noNameInAnyDiagramsExpressionCanBeShadowedByAVariable() throws Exception {
    Map<String, Set<String>> namesByProcess = new TreeMap<>();
    Map<String, Set<String>> formsByProcess = new TreeMap<>();
    try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
        Element root = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().parse(file.toFile())
            .getDocumentElement();
        Set<String> names = new TreeSet<>();
        Set<String> forms = new TreeSet<>();
        walk(root, names, forms);
        namesByProcess.put(file.getFileName().toString(), names);
        formsByProcess.put(file.getFileName().toString(), forms);
      }
    }
    assertThat(namesByProcess).as("the diagrams were found").hasSizeGreaterThanOrEqualTo(7);

    List<String> shadowed = new ArrayList<>();
    Map<String, String> tried = new LinkedHashMap<>();
    namesByProcess.forEach((process, names) -> {
      for (String name : names) {
        if (applicationContext.containsBean(name)) {
          Object resolved = resolveWithShadow(name);
          tried.put(process + " " + name, "bean");
          if (resolved != applicationContext.getBean(name)) {
            shadowed.add(process + ": ${" + name + "} gave the variable " + resolved + ", not KAP's bean");
          }
        } else {
          tried.put(process + " " + name, "variable");
          for (String form : formsByProcess.get(process)) {
            if (fields(form).fields().containsKey(name)) {
              shadowed.add(process + ": the variable '" + name + "' of an expression is a field of the form '"
                  + form + "', which users write");
            }
          }
        }
      }
    });
    assertThat(tried).as("bean names and variables tried").hasSizeGreaterThan(60)
        .containsEntry("investmentBid.bpmn registerBid", "bean")
        .containsEntry("investmentBid.bpmn bidEligibilityInputs", "bean")
        .containsEntry("investmentBid.bpmn scorer", "variable");
    assertThat(shadowed).as("expressions a variable can shadow").isEmpty();
  }

  /** ${name} evaluated by the engine where a variable of that name holds text. */
  private Object resolveWithShadow(String name) {
    return engineConfiguration.getCommandExecutorTxRequired().execute(context -> {
      ExecutionImpl scope = new ExecutionImpl();
      scope.setVariable(name, "shadow of " + name);
      return engineConfiguration.getExpressionManager().createExpression("${" + name + "}").getValue(scope);
    });
  }

  private FormFields fields(String formId) {
    try (InputStream form = Files.newInputStream(Path.of("forms", formId + ".form"))) {
      return FormFields.read(form);
    } catch (Exception e) {
      throw new AssertionError("form " + formId + " referenced by a diagram cannot be read", e);
    }
  }

  private static void walk(Element element, Set<String> names, Set<String> forms) {
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      if (attribute.getLocalName() != null && attribute.getLocalName().equals("formRef")) {
        forms.add(attribute.getValue());
      }
      names(attribute.getValue(), names);
    }
    NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      Node child = children.item(i);
      if (child instanceof Element inner) {
        walk(inner, names, forms);
      } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        names(child.getNodeValue(), names);
      }
    }
  }

  private static void names(String text, Set<String> names) {
    Matcher expression = EXPRESSION.matcher(text);
    while (expression.find()) {
      Matcher name = ROOT_NAME.matcher(expression.group(1).replaceAll("'[^']*'|\"[^\"]*\"", "''"));
      while (name.find()) {
        String found = name.group(1);
        boolean call = expression.group(1).matches("(?s).*\\b" + found + "\\s*\\(.*")
            && !expression.group(1).matches("(?s).*\\b" + found + "\\s*\\..*");
        if (!EL_WORDS.contains(found) && !ENGINE_NAMES.contains(found) && !call) {
          names.add(found);
        }
      }
    }
  }
}
