package com.kap.platform.migration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.kap.platform.i18n.Bundles;
import com.kap.platform.web.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.MessageSourceResolvable;
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
      throw badRequest("error.migration.emptyBody", FIELDS);
    }
    Body body;
    try {
      body = mapper.readerFor(Body.class)
          .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .without(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .readValue(json);
    } catch (UnrecognizedPropertyException e) {
      throw refused(e.getPropertyName(), "error.migration.unknownField", e.getPropertyName(), FIELDS);
    } catch (MismatchedInputException e) {
      String field = field(e);
      throw field == null ? badRequest("error.migration.bodyMustBe", expected(e.getTargetType()))
          : refused(field, "error.field.mustBe", field, expected(e.getTargetType()));
    } catch (JsonProcessingException e) {
      throw badRequest("error.body.notJson", e.getOriginalMessage());
    }
    if (body == null) {
      throw badRequest("error.migration.emptyBody", FIELDS);
    }
    if (body.processKey() == null || body.processKey().isBlank()) {
      throw refused("processKey", "error.migration.processKeyRequired");
    }
    return new MigrationRequest(body.processKey().trim(), body.sourceVersion(), body.targetVersion(),
        body.dryRun() == null || body.dryRun(),
        body.activityMappings() == null ? Map.of() : new LinkedHashMap<>(body.activityMappings()));
  }

  /** The field of the request body that could not be read, null for the body as a whole. */
  private static String field(JsonMappingException e) {
    return e.getPath().isEmpty() ? null : e.getPath().get(e.getPath().size() - 1).getFieldName();
  }

  /** What a value of the type must be, as a text of the bundles. */
  private static MessageSourceResolvable expected(Class<?> type) {
    if (type == Integer.class) {
      return Bundles.text("error.rule.version");
    }
    if (type == Boolean.class) {
      return Bundles.text("error.rule.boolean");
    }
    if (type == String.class) {
      return Bundles.text("error.rule.text");
    }
    if (Map.class.isAssignableFrom(type)) {
      return Bundles.text("error.rule.activityMappings");
    }
    return Bundles.text("error.rule.jsonObjectWith", FIELDS);
  }

  /** A refusal whose message is the bundles' {@code key} (i18n/errors), said in the request's language. */
  private static ApiException badRequest(String key, Object... args) {
    return ApiException.of(HttpStatus.BAD_REQUEST, key, args);
  }

  private static ApiException refused(String field, String key, Object... args) {
    return ApiException.ofField(HttpStatus.BAD_REQUEST, field, key, args);
  }
}
