package com.kap.platform.deployment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.cmmn.deployer.CmmnDeployer;
import org.camunda.bpm.engine.impl.dmn.deployer.DecisionDefinitionDeployer;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptingEngines;
import org.xml.sax.Attributes;

/**
 * The kinds of deployment resource Camunda parses into definitions (recognised by Camunda's own suffixes), and
 * where each names the language its scripts or expressions run in.
 */
enum ModelKind {

  /**
   * BPMN and CMMN name a script's language in scriptFormat (script tasks, camunda:script in listeners and
   * input/output parameters) or in language (script conditions); a script task without one runs as JUEL.
   */
  BPMN(BpmnDeployer.BPMN_RESOURCE_SUFFIXES, "script") {
    @Override
    List<String> languagesNamedBy(String elementName, Attributes attributes) {
      List<String> languages = new ArrayList<>();
      String scriptFormat = attributes.getValue("", "scriptFormat");
      if (scriptFormat != null) {
        languages.add(scriptFormat);
      } else if (elementName.equals("scriptTask")) {
        languages.add(ScriptingEngines.DEFAULT_SCRIPTING_LANGUAGE);
      }
      String language = attributes.getValue("", "language");
      if (language != null) {
        languages.add(language);
      }
      return languages;
    }

    @Override
    boolean allows(ScriptLanguagePolicy policy, String language) {
      return policy.allowsScript(language);
    }
  },

  CMMN(CmmnDeployer.CMMN_RESOURCE_SUFFIXES, "script") {
    @Override
    List<String> languagesNamedBy(String elementName, Attributes attributes) {
      return BPMN.languagesNamedBy(elementName, attributes);
    }

    @Override
    boolean allows(ScriptLanguagePolicy policy, String language) {
      return policy.allowsScript(language);
    }
  },

  /** DMN names the language of an expression in expressionLanguage, on the expression or as a default above it. */
  DMN(DecisionDefinitionDeployer.DMN_RESOURCE_SUFFIXES, "expression") {
    @Override
    List<String> languagesNamedBy(String elementName, Attributes attributes) {
      String expressionLanguage = attributes.getValue("", "expressionLanguage");
      return expressionLanguage == null ? List.of() : List.of(expressionLanguage);
    }

    @Override
    boolean allows(ScriptLanguagePolicy policy, String language) {
      return policy.allowsDmnExpression(language);
    }
  };

  private final String[] suffixes;
  private final String languageKind;

  ModelKind(String[] suffixes, String languageKind) {
    this.suffixes = suffixes;
    this.languageKind = languageKind;
  }

  /** As Camunda's deployers pick their resources: by the end of the name, without regard to a dot. */
  static Optional<ModelKind> of(String resourceName) {
    return Arrays.stream(values())
        .filter(kind -> Arrays.stream(kind.suffixes).anyMatch(resourceName::endsWith))
        .findFirst();
  }

  abstract List<String> languagesNamedBy(String elementName, Attributes attributes);

  abstract boolean allows(ScriptLanguagePolicy policy, String language);

  /** "script" or "expression", for messages. */
  String languageKind() {
    return languageKind;
  }
}
