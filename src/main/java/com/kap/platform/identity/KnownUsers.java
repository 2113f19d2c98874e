package com.kap.platform.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Tells which user ids exist in Camunda's identity service. It looks past the caller's authorizations: whether
 * a KAM named in an import exists must not depend on whether the importer may browse users.
 */
@Component
public class KnownUsers {

  private static final int CHUNK = 500;

  private final ProcessEngineConfigurationImpl engineConfiguration;

  public KnownUsers(ProcessEngineConfigurationImpl engineConfiguration) {
    this.engineConfiguration = engineConfiguration;
  }

  public Set<String> existing(Collection<String> userIds) {
    List<String> ids = new ArrayList<>(userIds);
    Set<String> found = new HashSet<>();
    for (int from = 0; from < ids.size(); from += CHUNK) {
      String[] chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK)).toArray(String[]::new);
      found.addAll(engineConfiguration.getCommandExecutorTxRequired().execute(context -> {
        context.disableAuthorizationCheck();
        return context.getReadOnlyIdentityProvider().createUserQuery(context).userIdIn(chunk).list()
            .stream().map(User::getId).toList();
      }));
    }
    return found;
  }

  /** The ids of a group's members, whatever the caller may browse. */
  public Set<String> membersOf(String groupId) {
    return new HashSet<>(engineConfiguration.getCommandExecutorTxRequired().execute(context -> {
      context.disableAuthorizationCheck();
      return context.getReadOnlyIdentityProvider().createUserQuery(context).memberOfGroup(groupId).list()
          .stream().map(User::getId).toList();
    }));
  }

  /** Whether the user exists and belongs to one of the groups, whatever the caller may browse. */
  public boolean isInAny(String userId, Collection<String> groupIds) {
    String[] groups = groupIds.toArray(String[]::new);
    return engineConfiguration.getCommandExecutorTxRequired().execute(context -> {
      context.disableAuthorizationCheck();
      return context.getReadOnlyIdentityProvider().createGroupQuery(context).groupMember(userId).groupIdIn(groups)
          .count() > 0;
    });
  }

  /** The users with these ids, in the order given; ids of no user are left out. */
  public List<User> byIds(List<String> userIds) {
    String[] ids = userIds.toArray(String[]::new);
    List<User> found = engineConfiguration.getCommandExecutorTxRequired().execute(context -> {
      context.disableAuthorizationCheck();
      return context.getReadOnlyIdentityProvider().createUserQuery(context).userIdIn(ids).list();
    });
    return userIds.stream().flatMap(id -> found.stream().filter(u -> u.getId().equals(id)).limit(1)).toList();
  }

  /** A user's name as people read it: "Alice Martin", or the id where the user has no name. */
  public static String displayName(User user) {
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? user.getId() : name;
  }

  /** A group's members, by last name, whatever the caller may browse: for pickers that offer them by name. */
  public List<User> membersByName(String groupId) {
    return engineConfiguration.getCommandExecutorTxRequired().execute(context -> {
      context.disableAuthorizationCheck();
      return context.getReadOnlyIdentityProvider().createUserQuery(context).memberOfGroup(groupId)
          .orderByUserLastName().asc().list();
    });
  }
}
