package com.kap.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An error KAP's API answers with its own status and a message for the caller, as an RFC 9457 problem
 * ({@link ApiExceptionHandler} writes it as {@code application/problem+json}): the message is the problem's
 * {@code detail}; a refusal of one field of the request also names that field, as sent, in {@code field}.
 */
public class ApiException extends ErrorResponseException {

  public ApiException(HttpStatus status, String message) {
    this(status, null, message);
  }

  /** A refusal of the request's field {@code field} (its name as the caller sent it); null for none. */
  public ApiException(HttpStatus status, String field, String message) {
    super(status, problem(status, field, message), null);
  }

  private static ProblemDetail problem(HttpStatus status, String field, String message) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
    if (field != null) {
      problem.setProperty("field", field);
    }
    return problem;
  }

  public HttpStatus status() {
    return HttpStatus.valueOf(getStatusCode().value());
  }

  /** The message for the caller, as the problem's detail says it. */
  @Override
  public String getMessage() {
    return getBody().getDetail();
  }
}
