package com.kap.platform.web;

import com.kap.platform.i18n.KapLocaleResolver;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns the API's errors into RFC 9457 problems ({@code application/problem+json}): the message for the caller is
 * {@code detail}; a refused field is named in {@code field}, a refused import lists its {@code errors}. The content
 * type is set explicitly, so that an error still reaches a caller that asked for SVG or CSV. Not limited to KAP's
 * controllers: a wrong Content-Type is refused before a controller is chosen. Camunda's REST API (Jersey) answers
 * its own errors in its own format.
 *
 * <p>An unexpected failure under {@code /api} is a 500 problem too, its detail a sentence in the request's language.
 *
 * <p>Title and detail are in the request's language ({@code Accept-Language}: English or French, English by
 * default; {@code KapLocaleResolver}), from the bundles {@code i18n/errors*.properties}.
 */
@RestControllerAdvice
public class ApiExceptionHandler {

  private static final int MAX_ERRORS_LISTED = 1000;
  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  private final MessageSource messages;

  public ApiExceptionHandler(MessageSource messages) {
    this.messages = messages;
  }

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ProblemDetail> api(ApiException e, Locale locale) {
    return problem(e.updateAndGetBody(messages, locale), locale);
  }

  @ExceptionHandler(RejectedWithErrors.class)
  ResponseEntity<ProblemDetail> rejected(RejectedWithErrors e, Locale locale) {
    var errors = e.errors();
    boolean cut = errors.size() > MAX_ERRORS_LISTED;
    String detail = messages.getMessage(e.messageKey(), e.messageArgs(), locale);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        detail + (cut ? text(locale, "error.onlyFirstListed", String.valueOf(MAX_ERRORS_LISTED)) : ""));
    problem.setProperty("errors", cut ? errors.subList(0, MAX_ERRORS_LISTED) : errors);
    problem.setProperty("errorCount", errors.size());
    return problem(problem, locale);
  }

  @ExceptionHandler(RequestBodyTooLarge.class)
  ResponseEntity<ProblemDetail> tooLarge(RequestBodyTooLarge e, Locale locale) {
    return problem(ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, e.in(messages, locale)), locale);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, Locale locale) {
    if (e.getMostSpecificCause() instanceof RequestBodyTooLarge tooLarge) {
      return tooLarge(tooLarge, locale);
    }
    return problem(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text(locale, "error.body.unreadable",
        e.getMostSpecificCause() == null ? e.getMessage() : e.getMostSpecificCause().getMessage())), locale);
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request,
      Locale locale) {
    String sent = request.getContentType();
    String accepted = e.getSupportedMediaTypes().isEmpty() ? ""
        : text(locale, "error.contentType.send",
            e.getSupportedMediaTypes().stream().map(MediaType::toString).collect(Collectors.joining(
                " " + text(locale, "error.contentType.or") + " ")));
    String problem = sent == null ? text(locale, "error.contentType.missing")
        : e.getContentType() == null ? text(locale, "error.contentType.unreadable", sent, e.getMessage())
        : text(locale, "error.contentType.refused", sent);
    return problem(ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, problem + accepted), locale);
  }

  @ExceptionHandler(DuplicateKeyException.class)
  ResponseEntity<ProblemDetail> concurrentWrite(DuplicateKeyException e, Locale locale) {
    return problem(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, text(locale, "error.concurrentWrite")),
        locale);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e, Locale locale) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        text(locale, "error.parameter.invalid", e.getName(), String.valueOf(e.getValue())));
    problem.setProperty("field", e.getName());
    return problem(problem, locale);
  }

  /**
   * Under {@code /api}, Spring's own refusals of a path, a method or an Accept header nothing answers are problems
   * too, in the request's language; elsewhere (KAP's pages, the webapps) Spring answers them as before.
   */
  @ExceptionHandler({NoResourceFoundException.class, HttpRequestMethodNotSupportedException.class,
      HttpMediaTypeNotAcceptableException.class})
  ResponseEntity<ProblemDetail> notAnswerable(Exception e, HttpServletRequest request, Locale locale) throws Exception {
    if (!KapLocaleResolver.isApi(request)) {
      throw e;
    }
    String path = request.getRequestURI();
    ProblemDetail problem;
    if (e instanceof HttpRequestMethodNotSupportedException method) {
      problem = ProblemDetail.forStatusAndDetail(HttpStatus.METHOD_NOT_ALLOWED, text(locale, "error.method.notAllowed",
          method.getMethod(), path, method.getSupportedHttpMethods() == null ? "" : method.getSupportedHttpMethods()
              .stream().map(Object::toString).collect(Collectors.joining(", "))));
    } else if (e instanceof HttpMediaTypeNotAcceptableException accept) {
      problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_ACCEPTABLE, text(locale, "error.notAcceptable",
          String.valueOf(request.getHeader("Accept")),
          accept.getSupportedMediaTypes().stream().map(MediaType::toString).collect(Collectors.joining(", "))));
    } else {
      problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, text(locale, "error.notFound", path));
    }
    ResponseEntity<ProblemDetail> answer = problem(problem, locale);
    if (e instanceof HttpRequestMethodNotSupportedException method && !method.getHeaders().isEmpty()) {
      return ResponseEntity.status(answer.getStatusCode()).headers(method.getHeaders())
          .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
    return answer;
  }

  /**
   * Under {@code /api}, a failure nobody foresaw: a 500 problem whose detail says so in the request's language
   * ({@code error.unexpected}), without the exception's message, which may say too much; the exception goes to the
   * log. Exceptions Spring or Spring Security answer with a status of their own, and anything outside {@code /api}
   * (KAP's pages have their error page), go on as before.
   */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request, Locale locale) throws Exception {
    if (!KapLocaleResolver.isApi(request) || answeredElsewhere(e)) {
      throw e;
    }
    LOG.error("Unexpected failure of {} {}", request.getMethod(), request.getRequestURI(), e);
    return problem(ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
        text(locale, "error.unexpected")), locale);
  }

  /** Whether Spring (or Spring Security) answers the exception with a status of its own. */
  static boolean answeredElsewhere(Exception e) {
    return e instanceof ErrorResponse || e instanceof TypeMismatchException || e instanceof BindException
        || e instanceof HttpMessageNotWritableException || e instanceof AsyncRequestNotUsableException
        || AnnotatedElementUtils.hasAnnotation(e.getClass(), ResponseStatus.class)
        || e.getClass().getName().startsWith("org.springframework.security.");
  }

  private String text(Locale locale, String key, Object... args) {
    return messages.getMessage(key, args, locale);
  }

  /** The problem with its title in the language: the status's reason phrase in English, its translation else. */
  private ResponseEntity<ProblemDetail> problem(ProblemDetail problem, Locale locale) {
    if (!Locale.ENGLISH.getLanguage().equals(locale.getLanguage())) {
      problem.setTitle(messages.getMessage("error.title." + problem.getStatus(), null, problem.getTitle(), locale));
    }
    return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}
