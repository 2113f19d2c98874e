package com.kap.platform.tasklist;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * Answers Tasklist's request for a start form's variables ({@code GET .../process-definition/{id}/form-variables})
 * with the choices KAP offers the logged-in person on that form ({@link StartFormChoices}). KAP's start forms declare
 * no Camunda form data, so there is nothing of Camunda's to lose; for other processes the request goes on to Camunda.
 */
@Priority(Priorities.USER)
public class StartFormOptions implements ContainerRequestFilter {

  private static final Pattern FORM_VARIABLES =
      Pattern.compile("(?:^|/)process-definition/(key/)?([^/]+)/form-variables/?$");

  @Override
  public void filter(ContainerRequestContext request) {
    if (!"GET".equals(request.getMethod())) {
      return;
    }
    Matcher path = FORM_VARIABLES.matcher(request.getUriInfo().getPath());
    StartFormChoices choices = StartFormChoices.current();
    if (!path.find() || choices == null) {
      return;
    }
    ProcessEngine engine = ProcessEngines.getDefaultProcessEngine(false);
    Authentication user = engine == null ? null : engine.getIdentityService().getCurrentAuthentication();
    if (user == null || user.getUserId() == null) {
      return;
    }
    String key = path.group(1) != null ? path.group(2) : definitionKey(engine, path.group(2));
    if (key == null) {
      return;
    }
    // only who may start the process sees its choices (the directors' names are no KAM's business)
    if (!engine.getAuthorizationService().isUserAuthorized(user.getUserId(), user.getGroupIds(),
        Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, key)) {
      return;
    }
    Map<String, List<Map<String, String>>> options = choices.forStartForm(key, user.getUserId());
    if (!options.isEmpty()) {
      request.abortWith(Response.ok(choices.asVariables(options), MediaType.APPLICATION_JSON_TYPE).build());
    }
  }

  private static String definitionKey(ProcessEngine engine, String definitionId) {
    try {
      ProcessDefinition definition = engine.getRepositoryService().getProcessDefinition(definitionId);
      return definition == null ? null : definition.getKey();
    } catch (RuntimeException notReadable) {
      return null; // Camunda answers the request as it would
    }
  }
}
