package com.kap.platform.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * Checks a request body against its Bean Validation constraints at the point the controller chooses, typically after
 * its role check: a body marked {@code @Valid} is checked before the controller runs, so whoever may not call it
 * would still learn from its refusals. A refusal is a 400 {@link ApiException} that names the field (as sent, the
 * record component's name) and says the constraint's message; with several refused fields, the first the record
 * declares.
 */
public final class ValidBody {

  private ValidBody() {}

  /** The body, if it satisfies its constraints. */
  public static <T> T check(Validator validator, T body) {
    var violations = validator.validate(body);
    if (violations.isEmpty()) {
      return body;
    }
    List<String> declared = body.getClass().isRecord()
        ? Arrays.stream(body.getClass().getRecordComponents()).map(RecordComponent::getName).toList() : List.of();
    ConstraintViolation<T> first = violations.stream()
        .min(Comparator.<ConstraintViolation<T>>comparingInt(v -> rank(declared, field(v)))
            .thenComparing(ValidBody::field).thenComparing(ConstraintViolation::getMessage))
        .orElseThrow();
    throw new ApiException(HttpStatus.BAD_REQUEST, field(first), first.getMessage());
  }

  private static String field(ConstraintViolation<?> violation) {
    return violation.getPropertyPath().toString();
  }

  private static int rank(List<String> declared, String field) {
    int at = declared.indexOf(field);
    return at < 0 ? declared.size() : at;
  }
}
