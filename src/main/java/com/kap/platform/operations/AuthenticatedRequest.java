package com.kap.platform.operations;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.security.Principal;
import java.util.Set;

/** A request whose caller Camunda's identity service has checked: the user id, and the user's groups as roles. */
class AuthenticatedRequest extends HttpServletRequestWrapper {

  private final String userId;
  private final Set<String> groups;

  AuthenticatedRequest(HttpServletRequest request, String userId, Set<String> groups) {
    super(request);
    this.userId = userId;
    this.groups = Set.copyOf(groups);
  }

  @Override
  public Principal getUserPrincipal() {
    return () -> userId;
  }

  @Override
  public String getRemoteUser() {
    return userId;
  }

  @Override
  public boolean isUserInRole(String role) {
    return groups.contains(role);
  }

  @Override
  public String getAuthType() {
    return HttpServletRequest.BASIC_AUTH;
  }
}
