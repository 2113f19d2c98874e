package com.kap.platform.engineguard;

import com.kap.platform.identity.Roles;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who is an administrator (Camunda's admin groups and users) or an operator, for the engine guards. */
final class EngineRoles {

  private EngineRoles() {}

  static boolean isAdmin(ProcessEngineConfigurationImpl configuration, Authentication user) {
    List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
    List<String> adminGroups = configuration.getAdminGroups() == null ? List.of(Roles.ADMIN)
        : configuration.getAdminGroups();
    List<String> adminUsers = configuration.getAdminUsers() == null ? List.of() : configuration.getAdminUsers();
    return groups.stream().anyMatch(adminGroups::contains) || groups.contains(Roles.ADMIN)
        || adminUsers.contains(user.getUserId());
  }

  static boolean isAdminOrOperator(ProcessEngineConfigurationImpl configuration, Authentication user) {
    return isAdmin(configuration, user) || (user.getGroupIds() != null && user.getGroupIds().contains(Roles.OPERATOR));
  }
}
