package com.kap.platform.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptLanguagePolicyTest {

  private final ScriptLanguagePolicy noScripts = new ScriptLanguagePolicy(List.of());
  private final ScriptLanguagePolicy groovy = new ScriptLanguagePolicy(List.of(" Groovy "));

  @Test
  void byDefaultNoScriptLanguageIsAllowedNotEvenJuel() {
    assertThat(List.of("javascript", "groovy", "python", "juel", "feel", "")).noneMatch(noScripts::allowsScript);
  }

  @Test
  void aConfiguredLanguageIsAllowedInAnyCase() {
    assertThat(groovy.allowsScript("groovy")).isTrue();
    assertThat(groovy.allowsScript("GROOVY")).isTrue();
    assertThat(groovy.allowsScript("javascript")).isFalse();
    assertThat(groovy.allowsDmnExpression("Groovy")).isTrue();
  }

  @Test
  void dmnMayUseFeelAndJuelAsCamundaNamesThem() {
    assertThat(List.of("feel", "FEEL", "juel", "JUEL", "http://www.omg.org/spec/FEEL/20140401",
        "http://www.omg.org/spec/DMN/20180521/FEEL/", "https://www.omg.org/spec/DMN/20191111/FEEL/",
        "https://www.omg.org/spec/DMN/20211108/FEEL/", "https://www.omg.org/spec/DMN/20230324/FEEL/"))
        .allMatch(noScripts::allowsDmnExpression);
  }

  @Test
  void dmnMayNotUseAScriptLanguageNorAFeelNamespaceCamundaWouldNotRecogniseAsFeel() {
    // Camunda compares the namespaces exactly: in other case it would look the name up as a script engine
    assertThat(List.of("javascript", "groovy", "python", "HTTPS://WWW.OMG.ORG/SPEC/DMN/20191111/FEEL/", "feel "))
        .noneMatch(noScripts::allowsDmnExpression);
  }
}
