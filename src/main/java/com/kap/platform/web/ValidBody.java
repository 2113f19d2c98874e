package com.kap.platform.web;

import com.kap.platform.i18n.Bundles;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;

/**
 * Checks a request body against its Bean Validation constraints at the point the controller chooses, typically after
 * its role check: a body marked {@code @Valid} is checked before the controller runs, so whoever may not call it
 * would still learn from its refusals. A refusal is a 400 {@link ApiException} that names the field (as sent, the
 * record component's name) and says the constraint's message; with several refused fields, the first the record
 * declares.
 *
 * <p>A constraint whose message is a key of KAP's bundles in braces ({@code message = "{error.reason.required}"})
 * is answered in the request's language, as any {@link ApiException#of keyed} refusal; another says its message as
 * the validator made it.
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
    String key = key(first.getMessageTemplate());
    if (key != null) {
      throw ApiException.ofField(HttpStatus.BAD_REQUEST, field(first), key);
    }
    throw new ApiException(HttpStatus.BAD_REQUEST, field(first), first.getMessage());
  }

  /** The bundles' key a message template is made of ({@code {key}}), or null. */
  private static String key(String template) {
    if (template == null || !template.startsWith("{") || !template.endsWith("}")) {
      return null;
    }
    String key = template.substring(1, template.length() - 1);
    return Bundles.standalone().getMessage(key, null, null, Locale.ENGLISH) == null ? null : key;
  }

  private static String field(ConstraintViolation<?> violation) {
    return violation.getPropertyPath().toString();
  }

  private static int rank(List<String> declared, String field) {
    int at = declared.indexOf(field);
    return at < 0 ? declared.size() : at;
  }
}
