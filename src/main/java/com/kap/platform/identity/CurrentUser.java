package com.kap.platform.identity;

import com.kap.platform.web.ApiException;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who is acting right now, as the engine's identity service knows it. In a /api or /engine-rest request that is the
 * caller that Camunda's HTTP Basic filter ({@link RestAuthenticationConfig}) or the webapps' login authenticated; in
 * an engine callback (delegate, listener) it is the Tasklist or REST user whose call runs it, and nobody when the job
 * executor runs it.
 *
 * <p>Controllers use {@link #id()}, {@link #isIn} and {@link #require}, which insist on an authenticated caller;
 * engine callbacks use {@link #idOrElse}, which falls back to whom the process names when nobody is authenticated.
 */
@Component
public class CurrentUser {

  private final IdentityService identityService;

  public CurrentUser(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** The authenticated user; 401 when nobody is. */
  public String id() {
    return authentication().getUserId();
  }

  /** The authenticated user, or the fallback (e.g. the task's assignee) when nobody is. */
  public String idOrElse(String fallback) {
    Authentication authentication = identityService.getCurrentAuthentication();
    return authentication == null || authentication.getUserId() == null ? fallback : authentication.getUserId();
  }

  public boolean isIn(String... groups) {
    List<String> memberOf = authentication().getGroupIds();
    return memberOf != null && Arrays.stream(groups).anyMatch(memberOf::contains);
  }

  /** 403 unless the user belongs to one of the groups. */
  public void require(String... groups) {
    if (!isIn(groups)) {
      throw ApiException.of(HttpStatus.FORBIDDEN, "error.role.required", id(), String.join(", ", groups));
    }
  }

  private Authentication authentication() {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication == null) {
      throw ApiException.of(HttpStatus.UNAUTHORIZED, "error.authentication.required");
    }
    return authentication;
  }
}
