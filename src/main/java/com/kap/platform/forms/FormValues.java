package com.kap.platform.forms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Typed, validated reads of submitted form values. Tasklist checks forms in the browser only; a client of
 * /engine-rest can send anything, so every value a process relies on is read through here. Text is refused when it
 * holds markup or expressions: KAP shows it in Tasklist, mails and calendars, and should never be the one to carry
 * a script there.
 */
public final class FormValues {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int FIRST_YEAR = 1900;
  private static final int LAST_YEAR = 2200;
  /** Longer number text is refused before it is parsed: parsing a million digits takes long. */
  private static final int MAX_NUMBER_LENGTH = 100;
  /**
   * An HTML tag, end tag, comment, doctype or processing instruction ('<' then a letter, '/', '!' or '?'), a
   * javascript: link, or an expression-language marker. A '<' before a space or digit ("margin < 5%") is text.
   */
  private static final Pattern MARKUP = Pattern.compile("<[A-Za-z/!?]|(?i:javascript)\\s*:|[$#]\\{");

  private final VariableScope scope;

  private FormValues(VariableScope scope) {
    this.scope = scope;
  }

  public static FormValues of(VariableScope scope) {
    return new FormValues(scope);
  }

  /** A whole number within [min, max]; Tasklist sends numbers as Integer, Long or Double, clients also as text. */
  public int integer(String field, int min, int max) {
    return (int) wholeNumber(field, min, max);
  }

  /** A whole number within [min, max], e.g. an amount in currency units. */
  public long wholeNumber(String field, long min, long max) {
    BigDecimal number = decimal(field, BigDecimal.valueOf(min), BigDecimal.valueOf(max), 0);
    return number.longValueExact();
  }

  /** A whole number within [min, max], or the fallback when the field is empty. */
  public long wholeNumber(String field, long min, long max, long fallback) {
    Object value = scope.getVariable(field);
    return value == null || (value instanceof String s && s.isBlank()) ? fallback : wholeNumber(field, min, max);
  }

  /** A number within [min, max] with at most {@code maxDecimals} decimals. */
  public BigDecimal decimal(String field, BigDecimal min, BigDecimal max, int maxDecimals) {
    Object value = scope.getVariable(field);
    if (value == null || (value instanceof String s && s.isBlank())) {
      throw new InvalidFormData(field, Problem.of("required"));
    }
    if (value instanceof Boolean) {
      throw new InvalidFormData(field, Problem.of("number.was", value));
    }
    String text = value instanceof Number n ? n.toString() : value.toString().trim();
    BigDecimal number;
    try {
      if (text.length() > MAX_NUMBER_LENGTH) {
        throw new NumberFormatException("longer than any number a form takes");
      }
      number = new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new InvalidFormData(field, Problem.of(maxDecimals == 0 ? "wholeNumber.typed" : "number.typed",
          abbreviate(value)));
    }
    if (number.stripTrailingZeros().scale() > maxDecimals) {
      throw new InvalidFormData(field, maxDecimals == 0 ? Problem.of("wholeNumber.was", shown(number))
          : Problem.of("decimals", maxDecimals, shown(number)));
    }
    if (number.compareTo(min) < 0 || number.compareTo(max) > 0) {
      throw new InvalidFormData(field, Problem.of("range", min.toPlainString(), max.toPlainString(),
          shown(number)));
    }
    return number.stripTrailingZeros().scale() < 0 ? number.setScale(0) : number.stripTrailingZeros();
  }

  /** A checkbox: true, false, or missing (false); text "true"/"false" from clients too. */
  public boolean flag(String field) {
    Object value = scope.getVariable(field);
    if (value == null || value instanceof Boolean) {
      return Boolean.TRUE.equals(value);
    }
    if (value instanceof String s && (s.equals("true") || s.equals("false"))) {
      return Boolean.parseBoolean(s);
    }
    throw new InvalidFormData(field, Problem.of("flag.typed", abbreviate(value)));
  }

  /**
   * A list of objects, as Camunda Forms' dynamic lists submit it (a Json variable); null or missing is empty.
   * Clients of /engine-rest may also send it as a JSON string or as a Java list.
   */
  public List<Map<String, Object>> objectList(String field) {
    Object value = scope.getVariable(field);
    List<Map<String, Object>> list;
    if (value == null) {
      list = List.of();
    } else {
      String json = value instanceof SpinJsonNode node ? node.toString()
          : value instanceof String s ? s
          : write(field, value);
      try {
        List<Map<String, Object>> read = JSON.readValue(json, new TypeReference<>() {});
        list = read == null ? List.of() : read.stream().map(e -> e == null ? Map.<String, Object>of() : e).toList();
      } catch (JsonProcessingException e) {
        throw new InvalidFormData(field, Problem.of("listOfEntries"));
      }
    }
    checkNoRowLost(field, list.size());
    return list;
  }

  /**
   * A list the server pre-fills (the plan's lists, the ritual calendar) has an expression field {@code <list>Rows} in
   * its form that counts the list's rows as the form held them when the person clicked Complete. Fewer rows submitted than counted means rows were lost on the way (Camunda
   * Forms submits only the rows of a list it shows), not removed by the person: the submission is refused. The count
   * is used once and removed, so that a later submission without it (e.g. over /engine-rest) is not held to it.
   */
  private void checkNoRowLost(String field, int rows) {
    String countField = field + "Rows";
    Object counted = scope.getVariable(countField);
    if (counted != null) {
      scope.removeVariable(countField);
    }
    if (counted instanceof Number number && number.longValue() > rows) {
      throw new InvalidFormData(field, Problem.of("rowsLost", rows, number.longValue()));
    }
  }

  /**
   * The texts of a multi-select (Camunda Forms' tag list submits a Json array), or of a text that separates them by
   * commas, semicolons or spaces, as /engine-rest clients may send it; without duplicates, in the order given.
   */
  public List<String> textList(String field, boolean required, int maxLength) {
    Object value = scope.getVariable(field);
    List<String> items = new ArrayList<>();
    if (value instanceof SpinJsonNode || value instanceof List<?>) {
      String json = value instanceof SpinJsonNode node ? node.toString() : write(field, value);
      try {
        for (Object item : JSON.readValue(json, new TypeReference<List<Object>>() {})) {
          if (!(item instanceof String text)) {
            throw new InvalidFormData(field, Problem.of("listOfTexts"));
          }
          items.add(text);
        }
      } catch (JsonProcessingException e) {
        throw new InvalidFormData(field, Problem.of("listOfTexts"));
      }
    } else if (value != null) {
      String text = text(field, false, 100 * maxLength);
      if (text != null) {
        items.addAll(Arrays.asList(text.split("[,;\\s]+")));
      }
    }
    List<String> distinct = new ArrayList<>(new LinkedHashSet<>(items.stream().map(String::trim)
        .filter(item -> !item.isEmpty()).toList()));
    for (String item : distinct) {
      FormValues.text(Map.of(field, item), field, false, maxLength, field);
    }
    if (distinct.isEmpty() && required) {
      throw new InvalidFormData(field, Problem.of("required"));
    }
    return List.copyOf(distinct);
  }

  /** Text of a field: trimmed, null when empty, refused when required and empty or too long. */
  public String text(String field, boolean required, int maxLength) {
    Object value = scope.getVariable(field);
    return FormValues.text(value == null ? Map.of() : Map.of(field, value), field, required, maxLength, field);
  }

  /** One of the allowed values, e.g. a select's options. */
  public String choice(String field, List<String> allowed, boolean required) {
    String value = text(field, required, 100);
    if (value != null && !allowed.contains(value)) {
      throw new InvalidFormData(field, Problem.of("choice", allowed, abbreviate(value)));
    }
    return value;
  }

  /** A date as form-js submits it (yyyy-MM-dd), or a date-time whose date part counts. */
  public LocalDate date(String field, boolean required) {
    Object value = scope.getVariable(field);
    return value == null ? requiredDate(field, required) : FormValues.date(Map.of(field, value), field, required, field);
  }

  private static LocalDate requiredDate(String field, boolean required) {
    if (required) {
      throw new InvalidFormData(field, Problem.of("required"));
    }
    return null;
  }

  /** Text under {@code key} of a list entry at {@code path} (e.g. "overrides[2]"): trimmed, required when asked. */
  public static String text(Map<String, Object> entry, String path, String key, boolean required, int maxLength) {
    return text(entry, key, required, maxLength, path + "." + key);
  }

  /** One of the allowed values under {@code key} of a list entry. */
  public static String choice(Map<String, Object> entry, String path, String key, List<String> allowed,
      boolean required) {
    String value = text(entry, path, key, required, 100);
    if (value != null && !allowed.contains(value)) {
      throw new InvalidFormData(path + "." + key, Problem.of("choice", allowed, abbreviate(value)));
    }
    return value;
  }

  /** A date (yyyy-MM-dd) under {@code key} of a list entry. */
  public static LocalDate date(Map<String, Object> entry, String path, String key, boolean required) {
    return date(entry, key, required, path + "." + key);
  }

  private static LocalDate date(Map<String, Object> entry, String key, boolean required, String field) {
    Object value = entry.get(key);
    if (value instanceof Date date) {
      return date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    }
    String text = text(entry, key, required, 40, field);
    if (text == null) {
      return null;
    }
    LocalDate date;
    try {
      date = text.length() == 10 ? LocalDate.parse(text) : OffsetDateTime.parse(text).toLocalDate();
    } catch (DateTimeParseException e) {
      try {
        date = LocalDateTime.parse(text).toLocalDate();
      } catch (DateTimeParseException notADateTime) {
        throw new InvalidFormData(field, Problem.of("date.typed", abbreviate(text)));
      }
    }
    if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
      throw new InvalidFormData(field, Problem.of("date.years", FIRST_YEAR, LAST_YEAR, date.toString()));
    }
    return date;
  }

  private static String text(Map<String, Object> entry, String key, boolean required, int maxLength, String field) {
    Object value = entry.get(key);
    if (value != null && !(value instanceof String)) {
      throw new InvalidFormData(field, Problem.of("text"));
    }
    String text = value == null ? "" : ((String) value).trim();
    if (required && text.isEmpty()) {
      throw new InvalidFormData(field, Problem.of("required"));
    }
    if (text.length() > maxLength) {
      throw new InvalidFormData(field, Problem.of("maxLength", maxLength));
    }
    if (MARKUP.matcher(text).find()) {
      throw new InvalidFormData(field, Problem.of("markup"));
    }
    return text.isEmpty() ? null : text;
  }

  private static String write(String field, Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new InvalidFormData(field, Problem.of("listOfEntries"));
    }
  }

  /** A number as the user would read it, but 1E-999999999 stays short instead of a billion zeros long. */
  private static String shown(BigDecimal number) {
    boolean shortWhenPlain = number.precision() <= 40 && Math.abs((long) number.scale()) <= 40;
    return shortWhenPlain ? number.toPlainString() : abbreviate(number.toString());
  }

  private static String abbreviate(Object value) {
    String text = String.valueOf(value);
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }
}
