package com.kap.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Camunda's REST API (Jersey) answers a chunked body that grows past the limit with 413 as KAP's API does: the
 * overflow is thrown while Jersey reads, and Camunda's own handler would call it a 500.
 */
public class RequestBodyTooLargeMapper implements ExceptionMapper<RequestBodyTooLarge> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public Response toResponse(RequestBodyTooLarge e) {
    return tooLarge(e);
  }

  static Response tooLarge(RequestBodyTooLarge e) {
    try {
      return Response.status(HttpStatus.PAYLOAD_TOO_LARGE.value())
          .type(MediaType.APPLICATION_JSON_VALUE)
          .header(HttpHeaders.CONNECTION, "close")
          .entity(JSON.writeValueAsString(Map.of("error", e.getMessage())))
          .build();
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
