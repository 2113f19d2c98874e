package com.kap.platform.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;

/**
 * 409 for a completion that lost the race to complete its task ({@link TaskCompletionConflict}), in each of the
 * ways the loser fails; every other exception keeps Camunda's answer. Ranked before Camunda's handlers, which
 * Jersey would otherwise pick for RestException at the same distance.
 */
public abstract class TaskCompletionConflictMapper<E extends Throwable> implements ExtendedExceptionMapper<E> {

  /**
   * The answer decided for a failure, for toResponse, which Jersey calls right after on the same thread; Jersey asks
   * every mapper whose type fits (e.g. Wrapped and Other for one RestException), which then reuse it.
   */
  private static final ThreadLocal<Decision> DECIDED = new ThreadLocal<>();

  private record Decision(Throwable failure, Response answer) {}

  @Context private UriInfo uri;

  @Override
  public boolean isMappable(E e) {
    Decision decided = DECIDED.get();
    if (decided == null || decided.failure() != e) {
      decided = new Decision(e, TaskCompletionConflict.answer(e, uri.getPath()));
      DECIDED.set(decided);
    }
    return decided.answer() != null;
  }

  /** Never null, which Jersey would send as 204: the loser must not be told it completed the task. */
  @Override
  public Response toResponse(E e) {
    Decision decided = DECIDED.get();
    DECIDED.remove();
    return decided != null && decided.failure() == e && decided.answer() != null ? decided.answer()
        : Response.serverError().build();
  }

  /** Camunda's complete and submit-form wrap "Cannot find task" and OptimisticLockingException (500). */
  @Priority(Priorities.USER - 1)
  public static class Wrapped extends TaskCompletionConflictMapper<RestException> {}

  /** The loser's check of its rights on the task finds them deleted with the completed task (403). */
  @Priority(Priorities.USER - 1)
  public static class Authorization extends TaskCompletionConflictMapper<AuthorizationException> {

    /** Every refusal is answered here: the race's 409, or else a 403 that names no one else's resources. */
    @Override
    public boolean isMappable(AuthorizationException e) {
      super.isMappable(e);
      return true;
    }

    @Override
    public Response toResponse(AuthorizationException e) {
      Decision decided = DECIDED.get();
      if (decided != null && decided.failure() == e && decided.answer() != null) {
        return super.toResponse(e);
      }
      DECIDED.remove();
      return RefusalWithoutIds.answer(e);
    }
  }

  /**
   * What else the loser trips over, where the winner changed the state under it: a NullPointerException in the
   * engine, a plan version that KAP's listener writes with the winner's number (DuplicateKeyException) (500).
   */
  @Priority(Priorities.USER - 1)
  public static class Other extends TaskCompletionConflictMapper<RuntimeException> {}
}
