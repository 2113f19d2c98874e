package com.kap.tasklist;

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
}
