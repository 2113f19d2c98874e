package com.kap.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns the API's errors into RFC 9457 problems ({@code application/problem+json}): the message for the caller is
 * {@code detail}; a refused field is named in {@code field}, a refused import lists its {@code errors}. The content
 * type is set explicitly, so that an error still reaches a caller that asked for SVG or CSV. Not limited to KAP's
 * controllers: a wrong Content-Type is refused before a controller is chosen. Camunda's REST API (Jersey) answers
 * its own errors in its own format.
 */
@RestControllerAdvice
public class ApiExceptionHandler {

  private static final int MAX_ERRORS_LISTED = 1000;

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ProblemDetail> api(ApiException e) {
    return problem(e.getBody());
  }

  @ExceptionHandler(RejectedWithErrors.class)
  ResponseEntity<ProblemDetail> rejected(RejectedWithErrors e) {
    var errors = e.errors();
    boolean cut = errors.size() > MAX_ERRORS_LISTED;
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        e.getMessage() + (cut ? "; only the first " + MAX_ERRORS_LISTED + " errors are listed" : ""));
    problem.setProperty("errors", cut ? errors.subList(0, MAX_ERRORS_LISTED) : errors);
    problem.setProperty("errorCount", errors.size());
    return problem(problem);
  }

  @ExceptionHandler(RequestBodyTooLarge.class)
  ResponseEntity<ProblemDetail> tooLarge(RequestBodyTooLarge e) {
    return problem(ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage()));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
    if (e.getMostSpecificCause() instanceof RequestBodyTooLarge tooLarge) {
      return tooLarge(tooLarge);
    }
    return problem(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "the request body could not be read: "
        + (e.getMostSpecificCause() == null ? e.getMessage() : e.getMostSpecificCause().getMessage())));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
    String sent = request.getContentType();
    String accepted = e.getSupportedMediaTypes().isEmpty() ? ""
        : "; send " + e.getSupportedMediaTypes().stream().map(MediaType::toString).collect(Collectors.joining(" or "));
    String problem = sent == null ? "the Content-Type header is missing"
        : e.getContentType() == null ? "Content-Type '" + sent + "' cannot be read (" + e.getMessage() + ")"
        : "Content-Type '" + sent + "' is not accepted here";
    return problem(ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, problem + accepted));
  }

  @ExceptionHandler(DuplicateKeyException.class)
  ResponseEntity<ProblemDetail> concurrentWrite(DuplicateKeyException e) {
    return problem(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
        "another request changed the same records at the same time; nothing was written, please retry"));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "parameter '" + e.getName() + "' has an invalid value '" + e.getValue() + "'");
    problem.setProperty("field", e.getName());
    return problem(problem);
  }

  private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}
