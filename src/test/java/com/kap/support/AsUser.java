package com.kap.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/**
 * Engine calls made as a demo user of one group, as Tasklist makes them: the listeners see who submitted. The
 * authentication is cleared afterwards, also when the call fails.
 */
public final class AsUser {

  private AsUser() {}

  public static <T> T call(IdentityService identityService, String user, String group, Supplier<T> action) {
    identityService.setAuthentication(user, List.of(group));
    try {
      return action.get();
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** Completes the task with the variables a form would submit. */
  public static void complete(IdentityService identityService, TaskService taskService, Task task, String user,
      String group, Map<String, Object> variables) {
    call(identityService, user, group, () -> {
      taskService.complete(task.getId(), new HashMap<>(variables));
      return null;
    });
  }
}
