package com.kap.platform.migration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.kap.platform.web.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * What to migrate: a process key, the source version (none: every older version) and the target version (none: the
 * latest). A dry run unless {@code dryRun} is false. Activities map to the activity of the same id; {@code
 * activityMappings} adds mappings for activities whose id changed (source activity id to target activity id).
 */
record MigrationRequest(String processKey, Integer sourceVersion, Integer targetVersion, boolean dryRun,
    Map<String, String> activityMappings) {

  static final String FIELDS = "processKey, sourceVersion, targetVersion, dryRun, activityMappings";

  private record Body(String processKey, Integer sourceVersion, Integer targetVersion, Boolean dryRun,
      Map<String, String> activityMappings) {}

  /**
   * Reads the request strictly: a misspelt field would otherwise be dropped silently, and e.g. "targetVerison" would
   * migrate to the latest version instead of the one meant.
   */
  static MigrationRequest read(String json, ObjectMapper mapper) {
    if (json == null || json.isBlank()) {
      throw badRequest("the request body is empty; send JSON with " + FIELDS);
    }
    Body body;
    try {
      body = mapper.readerFor(Body.class)
          .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .without(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .readValue(json);
    } catch (UnrecognizedPropertyException e) {
      throw refused(e.getPropertyName(), e.getPropertyName() + ": is not a field of a migration; use " + FIELDS);
    } catch (MismatchedInputException e) {
      String field = field(e);
      throw field == null ? badRequest("the request body: must be " + expected(e.getTargetType()))
          : refused(field, field + ": must be " + expected(e.getTargetType()));
    } catch (JsonProcessingException e) {
      throw badRequest("the request body is not JSON: " + e.getOriginalMessage());
    }
    if (body == null) {
      throw badRequest("the request body is empty; send JSON with " + FIELDS);
    }
    if (body.processKey() == null || body.processKey().isBlank()) {
      throw refused("processKey", "processKey: is required, e.g. \"accountPlan\"");
    }
    return new MigrationRequest(body.processKey().trim(), body.sourceVersion(), body.targetVersion(),
        body.dryRun() == null || body.dryRun(),
        body.activityMappings() == null ? Map.of() : new LinkedHashMap<>(body.activityMappings()));
  }

  /** The field of the request body that could not be read, null for the body as a whole. */
  private static String field(JsonMappingException e) {
    return e.getPath().isEmpty() ? null : e.getPath().get(e.getPath().size() - 1).getFieldName();
  }

  private static String expected(Class<?> type) {
    if (type == Integer.class) {
      return "a whole number (a version)";
    }
    if (type == Boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "text";
    }
    if (Map.class.isAssignableFrom(type)) {
      return "an object from source to target activity ids, e.g. {\"approvePlan\": \"signOffPlan\"}";
    }
    return "a JSON object with " + FIELDS;
  }

  private static ApiException badRequest(String message) {
    return new ApiException(HttpStatus.BAD_REQUEST, message);
  }

  private static ApiException refused(String field, String message) {
    return new ApiException(HttpStatus.BAD_REQUEST, field, message);
  }
}
