package com.kap.platform.demo;

import com.kap.platform.identity.Roles;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * In the demo, the programme director may start "Let time pass (demo)" from Tasklist (the administrator may anyway);
 * nobody else. Not granted in other profiles, which do not have the process.
 */
@Component
@Profile("demo")
public class DemoClockAccess {

  private final AuthorizationService authorizationService;

  public DemoClockAccess(AuthorizationService authorizationService) {
    this.authorizationService = authorizationService;
  }

  @EventListener(PostDeployEvent.class)
  public void grant() {
    if (authorizationService.createAuthorizationQuery().groupIdIn(Roles.PROGRAMME_DIRECTOR)
        .resourceType(Resources.PROCESS_DEFINITION).resourceId("letTimePass").count() > 0) {
      return;
    }
    Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    authorization.setGroupId(Roles.PROGRAMME_DIRECTOR);
    authorization.setResource(Resources.PROCESS_DEFINITION);
    authorization.setResourceId("letTimePass");
    authorization.addPermission(Permissions.READ);
    authorization.addPermission(Permissions.CREATE_INSTANCE);
    authorizationService.saveAuthorization(authorization);
  }
}
