package com.kap.web;

import com.kap.portfolio.PortfolioImportRejected;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns the API's errors into JSON bodies a caller can read: {"error": ...} or {"errors": [...]}. The content type
 * is set explicitly, so that an error still reaches a caller that asked for SVG or CSV. Not limited to KAP's
 * controllers: a wrong Content-Type is refused before a controller is chosen.
 */
@RestControllerAdvice
public class ApiExceptionHandler {

  private static final int MAX_ERRORS_LISTED = 1000;

  @ExceptionHandler(ApiException.class)
  ResponseEntity<Map<String, Object>> api(ApiException e) {
    return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON).body(Map.of("error", e.getMessage()));
  }

  @ExceptionHandler(PortfolioImportRejected.class)
  ResponseEntity<Map<String, Object>> importRejected(PortfolioImportRejected e) {
    var errors = e.errors();
    if (errors.size() > MAX_ERRORS_LISTED) {
      return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(Map.of("errors", errors.subList(0, MAX_ERRORS_LISTED),
          "errorCount", errors.size(), "message", "only the first " + MAX_ERRORS_LISTED + " errors are listed"));
    }
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(Map.of("errors", errors, "errorCount", errors.size()));
  }

  @ExceptionHandler(RequestBodyTooLarge.class)
  ResponseEntity<Map<String, Object>> tooLarge(RequestBodyTooLarge e) {
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("error", e.getMessage()));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    if (e.getMostSpecificCause() instanceof RequestBodyTooLarge tooLarge) {
      return tooLarge(tooLarge);
    }
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(Map.of("error", "the request body could not be read: "
        + (e.getMostSpecificCause() == null ? e.getMessage() : e.getMostSpecificCause().getMessage())));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
    String sent = request.getContentType();
    String accepted = e.getSupportedMediaTypes().isEmpty() ? ""
        : "; send " + e.getSupportedMediaTypes().stream().map(MediaType::toString).collect(Collectors.joining(" or "));
    String problem = sent == null ? "the Content-Type header is missing"
        : e.getContentType() == null ? "Content-Type '" + sent + "' cannot be read (" + e.getMessage() + ")"
        : "Content-Type '" + sent + "' is not accepted here";
    return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("error", problem + accepted));
  }

  @ExceptionHandler(DuplicateKeyException.class)
  ResponseEntity<Map<String, Object>> concurrentWrite(DuplicateKeyException e) {
    return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_JSON).body(Map.of("error",
        "another request changed the same records at the same time; nothing was written, please retry"));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Map<String, Object>> badParameter(MethodArgumentTypeMismatchException e) {
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(Map.of("error",
        "parameter '" + e.getName() + "' has an invalid value '" + e.getValue() + "'"));
  }
}
