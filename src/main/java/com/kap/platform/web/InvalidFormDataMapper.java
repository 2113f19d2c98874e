package com.kap.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kap.platform.forms.InvalidFormData;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.springframework.http.MediaType;

/**
 * Form data KAP refuses is the person's to correct: 400 on every endpoint (start, submit-form, complete; Camunda
 * answered 500 for a refused start), with a message that names the field by its label and carries no process
 * definition id or exception name, e.g. "Action plan, row 2: Owner: is required", wholly in the language of the
 * authenticated user who submitted ({@link InvalidFormData#forPeople()}: "Plan d'actions, ligne 2 : Responsable : est
 * obligatoire"). Tasklist shows the message as it is.
 */
public abstract class InvalidFormDataMapper<E extends Throwable> implements ExtendedExceptionMapper<E> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Context private UriInfo uri;

  /**
   * A refused form, unless its task was completed by someone else meanwhile: a KAM submitting from two tabs at once
   * can have the loser's form checked against the step the winner moved the plan to. That loser gets the race's 409
   * ({@link TaskCompletionConflictMapper}), not a refusal of fields it never saw.
   */
  @Override
  public boolean isMappable(E e) {
    return InvalidFormData.in(e).isPresent()
        && (uri == null || TaskCompletionConflict.answer(e, uri.getPath()) == null);
  }

  @Override
  public Response toResponse(E e) {
    InvalidFormData refused = InvalidFormData.in(e).orElseThrow();
    try {
      return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_VALUE)
          .entity(JSON.writeValueAsString(Map.of("type", "InvalidFormData", "message", refused.forPeople(),
              "field", refused.field())))
          .build();
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /** Camunda wraps a refused task form in a RestException. */
  @Priority(Priorities.USER - 2)
  public static class Wrapped extends InvalidFormDataMapper<RestException> {}

  /** A refused start reaches Jersey as the engine's exception. */
  @Priority(Priorities.USER - 2)
  public static class Engine extends InvalidFormDataMapper<ProcessEngineException> {}

  /** Whatever else carries it. */
  @Priority(Priorities.USER - 2)
  public static class Other extends InvalidFormDataMapper<RuntimeException> {}
}
