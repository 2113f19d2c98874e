package com.kap.platform.operations;

import com.kap.platform.identity.Roles;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The operator group in every profile, without any engine authorization: a monitoring system's login reads health
 * details and metrics but can open no webapp, task or process (the admin could do all of that).
 */
@Component
public class OperatorGroup {

  private final IdentityService identityService;

  public OperatorGroup(IdentityService identityService) {
    this.identityService = identityService;
  }

  @EventListener(PostDeployEvent.class)
  public void create() {
    if (identityService.createGroupQuery().groupId(Roles.OPERATOR).count() == 0) {
      Group group = identityService.newGroup(Roles.OPERATOR);
      group.setName("Operators (health details and metrics)");
      group.setType("SYSTEM");
      identityService.saveGroup(group);
    }
  }
}
