package com.kap.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies larger than {@code kap.web.max-request-size} with 413 and a JSON message: under /api an
 * RFC 9457 problem as {@link ApiExceptionHandler} writes them, elsewhere {@code {"error": ...}}. Tomcat limits
 * only form posts (max-http-form-post-size), not the JSON and CSV bodies KAP reads, nor Camunda's REST API.
 * A declared Content-Length over the limit is refused before a byte is read; a body of unknown length (chunked)
 * is counted while the application reads it ({@link SizeLimitedRequest}), and the overflow answered by
 * {@link ApiExceptionHandler} and, in Camunda's REST API, {@link RequestBodyTooLargeMapper}.
 */
public class RequestSizeLimitFilter extends OncePerRequestFilter {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final DataSize limit;

  public RequestSizeLimitFilter(DataSize limit) {
    this.limit = limit;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long declared = request.getContentLengthLong();
    if (declared > limit.toBytes()) {
      refuse(request, response);
      return;
    }
    if (declared >= 0) {
      // the container reads no further than Content-Length
      chain.doFilter(request, response);
      return;
    }
    SizeLimitedRequest limited = new SizeLimitedRequest(request, limit);
    try {
      chain.doFilter(limited, response);
    } catch (IOException | ServletException | RuntimeException e) {
      // KAP's API and Camunda's REST API answer the overflow themselves; this is for any other reader
      if (!limited.exceeded() || response.isCommitted()) {
        throw e;
      }
      response.reset();
      refuse(request, response);
    }
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
    HttpStatus status = HttpStatus.PAYLOAD_TOO_LARGE;
    String message = RequestBodyTooLarge.message(limit);
    response.setStatus(status.value());
    // the client may still be sending; the container closes the connection rather than read the rest
    response.setHeader(HttpHeaders.CONNECTION, "close");
    if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      JSON.writeValue(response.getOutputStream(), Map.of("error", message));
      return;
    }
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", status.getReasonPhrase());
    problem.put("status", status.value());
    problem.put("detail", message);
    problem.put("instance", request.getRequestURI());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    JSON.writeValue(response.getOutputStream(), problem);
  }
}
