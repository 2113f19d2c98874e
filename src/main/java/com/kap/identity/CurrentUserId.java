package com.kap.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Who is acting in the engine right now (Tasklist or REST user), for "who did it" records in delegates. */
@Component
public class CurrentUserId {

  private final IdentityService identityService;

  public CurrentUserId(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** The authenticated user, or the given fallback (e.g. the task's assignee) when none is. */
  public String orElse(String fallback) {
    Authentication authentication = identityService.getCurrentAuthentication();
    return authentication == null || authentication.getUserId() == null ? fallback : authentication.getUserId();
  }
}
