package com.kap.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.springframework.http.MediaType;

/**
 * A variable sent in Java serialization (serializationDataFormat application/x-java-serialized-object), which KAP
 * keeps disabled, is the client's error: 400 in Camunda's error format, where Camunda's REST API answers 500.
 * Ranked before Camunda's handler of RestException, which keeps every other one.
 */
@Priority(Priorities.USER - 1)
public class JavaSerializationRefusedMapper implements ExtendedExceptionMapper<RestException> {

  /** Camunda's code for "Cannot set variable with name x. Java serialization format is prohibited". */
  private static final String JAVA_SERIALIZATION_PROHIBITED = "ENGINE-17007";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public boolean isMappable(RestException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof ProcessEngineException && cause.getMessage() != null
          && cause.getMessage().contains(JAVA_SERIALIZATION_PROHIBITED)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Response toResponse(RestException e) {
    try {
      return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_VALUE)
          .entity(JSON.writeValueAsString(Map.of("type", "InvalidRequestException", "message", e.getMessage())))
          .build();
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
