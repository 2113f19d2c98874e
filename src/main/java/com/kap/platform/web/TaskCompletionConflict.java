package com.kap.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.springframework.http.MediaType;

/**
 * A task completion (complete, submit-form) that failed because the task is no longer as the caller saw it: someone
 * else completed it first, or changed its process at the same moment. The failed transaction rolled back, so
 * nothing of this completion was written. Camunda's REST API answers such a loser with 500 (task not found,
 * OptimisticLockingException, a NullPointerException in the engine, a row colliding with the winner's) or 403 (its
 * rights on the task were deleted with the task); this is 409, or 404 for a task id that never existed. A completion
 * that fails while its task is still open keeps Camunda's answer, unless it was an OptimisticLockingException.
 */
final class TaskCompletionConflict {

  /** The path below the REST application: /engine-rest's, or the webapp's engine API (engine/{name}/task/...). */
  private static final Pattern COMPLETION =
      Pattern.compile("(?:engine/([^/]+)/)?task/([^/]+)/(?:complete|submit-form)");
  private static final ObjectMapper JSON = new ObjectMapper();

  private enum TaskState { OPEN, ENDED, UNKNOWN }

  private TaskCompletionConflict() {}

  /**
   * The answer to the failed request at this path (below the REST application), or null to keep Camunda's. A client
   * error (4xx) keeps its answer while the task is still open; once the task has ended it lost the race: its
   * listeners ran against the process as the winner left it (e.g. a draft's submission meeting the approval that
   * followed), and their refusal is no fault of the request.
   */
  static Response answer(Throwable failure, String path) {
    Matcher completion = COMPLETION.matcher(path);
    if (!completion.matches() || failure instanceof WebApplicationException) {
      return null;
    }
    String taskId = completion.group(2);
    boolean clientError = failure instanceof RestException rest
        && rest.getStatus() != Response.Status.INTERNAL_SERVER_ERROR;
    if (!clientError && causedBy(failure, OptimisticLockingException.class)) {
      return conflict(taskId);
    }
    TaskState task;
    try {
      task = lookUp(completion.group(1), taskId);
    } catch (RuntimeException lookUpFailed) {
      return null;
    }
    return switch (task) {
      case OPEN -> null;
      case ENDED -> conflict(taskId);
      case UNKNOWN -> clientError ? null : error(Response.Status.NOT_FOUND, "InvalidRequestException",
          "Cannot complete task " + taskId + ": no task with this id exists");
    };
  }

  private static Response conflict(String taskId) {
    return error(Response.Status.CONFLICT, "TaskConflictException", "Cannot complete task " + taskId
        + ": it was already completed or changed by someone else; reload it and try again if it is still open");
  }

  /** Without the caller's authorizations: whether a task of this id exists is all that is told. */
  private static TaskState lookUp(String engineName, String taskId) {
    ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) EngineUtil.lookupProcessEngine(engineName)
        .getProcessEngineConfiguration();
    return engine.getCommandExecutorTxRequired().execute(context ->
        context.getTaskManager().findTaskById(taskId) != null ? TaskState.OPEN
            : context.getHistoricTaskInstanceManager().findHistoricTaskInstanceById(taskId) != null ? TaskState.ENDED
            : TaskState.UNKNOWN);
  }

  private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
    }
    return false;
  }

  private static Response error(Response.Status status, String type, String message) {
    try {
      return Response.status(status).type(MediaType.APPLICATION_JSON_VALUE)
          .entity(JSON.writeValueAsString(Map.of("type", type, "message", message))).build();
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
