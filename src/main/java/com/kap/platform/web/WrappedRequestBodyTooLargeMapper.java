package com.kap.platform.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;

/**
 * 413 also where Camunda's REST API wraps the overflow in its own 400 (a multipart deployment: "multipart/form-data
 * cannot be processed"). Ranked before Camunda's handler of RestException, which keeps every other one.
 */
@Priority(Priorities.USER - 1)
public class WrappedRequestBodyTooLargeMapper implements ExtendedExceptionMapper<RestException> {

  @Override
  public boolean isMappable(RestException e) {
    return overflow(e) != null;
  }

  @Override
  public Response toResponse(RestException e) {
    return RequestBodyTooLargeMapper.tooLarge(overflow(e));
  }

  private static RequestBodyTooLarge overflow(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof RequestBodyTooLarge overflow) {
        return overflow;
      }
    }
    return null;
  }
}
