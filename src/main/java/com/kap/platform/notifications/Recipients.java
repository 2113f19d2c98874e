package com.kap.platform.notifications;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** The mail address of a Camunda user, looked up in the identity service. */
final class Recipients {

  private Recipients() {}

  static String address(IdentityService identityService, String userId) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    return user == null || user.getEmail() == null || user.getEmail().isBlank() ? null : user.getEmail();
  }
}
