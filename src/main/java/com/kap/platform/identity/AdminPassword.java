package com.kap.platform.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Outside the demo profile the environment's admin password is the admin's password, also on a database where the
 * admin exists already (Camunda only sets it when it creates the user). Each start also unlocks the admin: whoever
 * sets {@code KAP_ADMIN_PASSWORD} and restarts KAP gets in again, however many wrong passwords others sent.
 */
@Component
@Profile("!demo")
public class AdminPassword {

  private static final Logger LOG = LoggerFactory.getLogger(AdminPassword.class);

  private final IdentityService identityService;
  private final String adminId;
  private final String password;

  public AdminPassword(IdentityService identityService, @Value("${camunda.bpm.admin-user.id}") String adminId,
      @Value("${camunda.bpm.admin-user.password}") String password) {
    this.identityService = identityService;
    this.adminId = adminId;
    this.password = password;
  }

  @EventListener(PostDeployEvent.class)
  public void apply() {
    User admin = identityService.createUserQuery().userId(adminId).singleResult();
    if (admin == null) {
      return;
    }
    // unlocked first: the check of a locked user fails whatever the password
    identityService.unlockUser(adminId);
    if (!identityService.checkPassword(adminId, password)) {
      admin.setPassword(password);
      identityService.saveUser(admin);
      LOG.info("The password of '{}' was set from the environment", adminId);
    }
    // the check above counts as a wrong attempt when the password changed
    identityService.unlockUser(adminId);
  }
}
