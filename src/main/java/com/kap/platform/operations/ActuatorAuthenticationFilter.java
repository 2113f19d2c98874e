package com.kap.platform.operations;

import com.kap.platform.identity.Roles;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic for /actuator, checked by Camunda's identity service as /api and /engine-rest check it (so its login
 * throttling applies): the caller becomes the request's principal with their groups as roles, which is what
 * Spring Boot's {@code show-details: when-authorized} asks. Anonymous callers stay anonymous and get the health
 * status only; wrong credentials get 401; every other endpoint on the web, and the list of them at /actuator, is for
 * operators (camunda-admin, operator) alone: 401 anonymous, 403 anyone else. Endpoints that are not on the web stay
 * 404, as Spring Boot answers.
 */
class ActuatorAuthenticationFilter extends OncePerRequestFilter {

  static final Set<String> OPERATOR_ROLES = Set.of(Roles.ADMIN, Roles.OPERATOR);
  private static final int MAX_GROUPS = 1000;

  /** Camunda's own HTTP Basic check, as /api and /engine-rest use it. */
  private final HttpBasicAuthenticationProvider basicAuthentication = new HttpBasicAuthenticationProvider();
  private final ProcessEngine processEngine;
  private final ObjectProvider<PathMappedEndpoints> endpoints;

  ActuatorAuthenticationFilter(ProcessEngine processEngine, ObjectProvider<PathMappedEndpoints> endpoints) {
    this.processEngine = processEngine;
    this.endpoints = endpoints;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpServletRequest caller = request;
    if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
      AuthenticationResult login = basicAuthentication.extractAuthenticatedUser(request, processEngine);
      if (!login.isAuthenticated()) {
        unauthorized(response);
        return;
      }
      caller = new AuthenticatedRequest(request, login.getAuthenticatedUser(), groupsOf(login.getAuthenticatedUser()));
    }
    if (isForOperators(path(request)) && OPERATOR_ROLES.stream().noneMatch(caller::isUserInRole)) {
      if (caller.getUserPrincipal() == null) {
        unauthorized(response);
      } else {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      }
      return;
    }
    chain.doFilter(caller, response);
  }

  private Set<String> groupsOf(String userId) {
    List<Group> groups = processEngine.getIdentityService().createGroupQuery().groupMember(userId).listPage(0, MAX_GROUPS);
    return groups.stream().map(Group::getId).collect(Collectors.toSet());
  }

  private boolean isForOperators(String path) {
    PathMappedEndpoints web = endpoints.getObject();
    String health = web.getBasePath() + "/health";
    return path.equals(web.getBasePath()) || path.equals(web.getBasePath() + "/") || web.getAllPaths().stream()
        .filter(endpoint -> !endpoint.equals(health))
        .anyMatch(endpoint -> path.equals(endpoint) || path.startsWith(endpoint + "/"));
  }

  /** Decoded and normalised by the container: no "..", ";" or %2F tricks reach the check. */
  private static String path(HttpServletRequest request) {
    return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
  }

  private static void unauthorized(HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"KAP operations\"");
  }
}
