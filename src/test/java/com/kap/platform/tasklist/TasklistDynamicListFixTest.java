package com.kap.platform.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Guards the Tasklist script correction against a changed Camunda webapp; the browser tests prove its effect. */
class TasklistDynamicListFixTest {

  @Test
  void replacesTheKeyCountingValidityCheckOfTheShippedTasklist() {
    String script = TasklistDynamicListFix.patchedScript();

    assertThat(script).doesNotContain(TasklistDynamicListFix.KEY_COUNT_CHECK);
    assertThat(script).containsOnlyOnce(TasklistDynamicListFix.MESSAGE_CHECK);
    assertThat(script).contains("h.notifyFormValidated(t)");
  }

  @Test
  void loadsTheVariablesOfStartFormsToo() {
    String script = TasklistDynamicListFix.patchedScript();

    assertThat(script).doesNotContain(TasklistDynamicListFix.TASK_VARIABLES_ONLY);
    assertThat(script).containsOnlyOnce(TasklistDynamicListFix.START_FORM_VARIABLES_TOO);
    // the process-definition resource and the form's parameters are what the patched line uses
    assertThat(script).contains("g=e.resource(\"process-definition\")", "processDefinitionId:n,processDefinitionKey:r");
  }
}
