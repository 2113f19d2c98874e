package com.kap.platform.web;

import com.kap.platform.i18n.Bundles;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An error KAP's API answers with its own status and a message for the caller, as an RFC 9457 problem
 * ({@link ApiExceptionHandler} writes it as {@code application/problem+json}): the message is the problem's
 * {@code detail}; a refusal of one field of the request also names that field, as sent, in {@code field}.
 *
 * <p>Made with {@link #of} or {@link #ofField}, the message is a key of the bundles ({@code i18n/errors*.properties},
 * docs/i18n.md) with its arguments: {@link #getMessage()} says it in English, and the handler answers it in the
 * language the request asks for ({@code Accept-Language}). An argument may itself be a text of the bundles
 * ({@link Bundles#text}), said in the same language.
 */
public class ApiException extends ErrorResponseException {

  /** A message in English only; prefer {@link #of}. */
  public ApiException(HttpStatus status, String message) {
    this(status, null, message);
  }

  /** A refusal of the request's field {@code field} (its name as the caller sent it); null for none. */
  public ApiException(HttpStatus status, String field, String message) {
    super(status, problem(status, field, message), null);
  }

  /** A refusal whose message is the bundles' {@code key} with {@code args}, for a subclass of its own. */
  protected ApiException(HttpStatus status, String field, String key, Object[] args) {
    super(status, problem(status, field, Bundles.english(key, args)), null, key, args);
  }

  /** The refusal whose message is the bundles' {@code key} with {@code args}. */
  public static ApiException of(HttpStatus status, String key, Object... args) {
    return new ApiException(status, null, key, args);
  }

  /** The refusal of the request's field {@code field} whose message is the bundles' {@code key} with {@code args}. */
  public static ApiException ofField(HttpStatus status, String field, String key, Object... args) {
    return new ApiException(status, field, key, args);
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

  /** The message for the caller, as the problem's detail says it (in English). */
  @Override
  public String getMessage() {
    return getBody().getDetail();
  }
}
