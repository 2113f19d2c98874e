package com.kap.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.springframework.http.MediaType;

/**
 * A 403 in Camunda's error format that names the missing permissions and resource types but no resource ids:
 * Camunda's own answer named the process instance and definition behind someone else's task, so a KAM probing
 * tasks learnt other KAMs' instance ids from the refusals.
 */
final class RefusalWithoutIds {

  private static final ObjectMapper JSON = new ObjectMapper();

  private RefusalWithoutIds() {}

  static Response answer(AuthorizationException e) {
    List<MissingAuthorization> missing = e.getMissingAuthorizations() == null ? List.of()
        : e.getMissingAuthorizations();
    String message = missing.isEmpty() ? e.getMessage()
        : "The user with id '" + e.getUserId() + "' does not have one of the following permissions: "
            + missing.stream().map(m -> "'" + m.getViolatedPermissionName() + "' permission on a resource of type '"
                + m.getResourceType() + "'").distinct().collect(Collectors.joining(" or "));
    List<Map<String, Object>> missingWithoutIds = new ArrayList<>();
    for (MissingAuthorization m : missing) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("permissionName", m.getViolatedPermissionName());
      entry.put("resourceName", m.getResourceType());
      entry.put("resourceId", null);
      missingWithoutIds.add(entry);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", AuthorizationException.class.getSimpleName());
    body.put("message", message);
    body.put("code", 0);
    body.put("userId", e.getUserId());
    body.put("missingAuthorizations", missingWithoutIds);
    try {
      return Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON_VALUE)
          .entity(JSON.writeValueAsString(body)).build();
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
