package com.kap.forms;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/**
 * /engine-rest's task /complete turns every engine exception but a few into 500; refused form data is the caller's
 * mistake, so it answers 400 in Camunda's error format, as submit-form does.
 */
@Provider
public class InvalidFormDataMapper implements ExceptionMapper<InvalidFormData> {

  @Override
  public Response toResponse(InvalidFormData e) {
    return Response.status(Response.Status.BAD_REQUEST)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("type", "InvalidFormData", "message", e.getMessage(), "code", 0))
        .build();
  }
}
