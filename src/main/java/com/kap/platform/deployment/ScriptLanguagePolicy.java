package com.kap.platform.deployment;

import static org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE;
import static org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_ALTERNATIVE;
import static org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN12;
import static org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN13;
import static org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN14;
import static org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN15;
import static org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration.JUEL_EXPRESSION_LANGUAGE;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Which languages a deployed model may run scripts in. */
final class ScriptLanguagePolicy {

  /**
   * The DMN expression languages Camunda evaluates itself rather than through a script engine, matched as its
   * ExpressionEvaluationHandler matches them: the FEEL namespaces exactly, "feel" and "juel" in any case.
   */
  private static final Set<String> FEEL_NAMESPACES = Set.of(FEEL_EXPRESSION_LANGUAGE, FEEL_EXPRESSION_LANGUAGE_DMN12,
      FEEL_EXPRESSION_LANGUAGE_DMN13, FEEL_EXPRESSION_LANGUAGE_DMN14, FEEL_EXPRESSION_LANGUAGE_DMN15);
  private static final Set<String> DMN_EXPRESSION_NAMES = Set.of(FEEL_EXPRESSION_LANGUAGE_ALTERNATIVE,
      JUEL_EXPRESSION_LANGUAGE);

  private final Set<String> allowedScriptLanguages;

  ScriptLanguagePolicy(Collection<String> allowedScriptLanguages) {
    this.allowedScriptLanguages = allowedScriptLanguages.stream().map(String::trim).map(ScriptLanguagePolicy::lower)
        .collect(Collectors.toUnmodifiableSet());
  }

  /** A BPMN or CMMN script: only the configured languages, as every script is code run inside the engine. */
  boolean allowsScript(String language) {
    return allowedScriptLanguages.contains(lower(language));
  }

  boolean allowsDmnExpression(String expressionLanguage) {
    return FEEL_NAMESPACES.contains(expressionLanguage)
        || DMN_EXPRESSION_NAMES.contains(lower(expressionLanguage))
        || allowsScript(expressionLanguage);
  }

  private static String lower(String language) {
    return language.toLowerCase(Locale.ROOT);
  }
}
