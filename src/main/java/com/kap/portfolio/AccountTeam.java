package com.kap.portfolio;

import com.kap.platform.identity.KnownUsers;
import com.kap.platform.identity.Roles;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The people who may own an account's actions: its KAM, its executive sponsor and the programme directors. Forms
 * offer them by name ({@link #options}); the server accepts no one else ({@link #members}).
 */
@Component
public class AccountTeam {

  private final KnownUsers users;

  public AccountTeam(KnownUsers users) {
    this.users = users;
  }

  /** The team's user ids: KAM, sponsor, then the programme directors by name. */
  public Set<String> members(Account account) {
    Set<String> ids = new LinkedHashSet<>();
    if (account.kam() != null) {
      ids.add(account.kam());
    }
    if (account.sponsor() != null) {
      ids.add(account.sponsor());
    }
    users.membersByName(Roles.PROGRAMME_DIRECTOR).forEach(director -> ids.add(director.getId()));
    return ids;
  }

  /** The team as a form's select offers it: "Alice Martin (alice)" → alice. */
  public List<Map<String, String>> options(Account account) {
    List<Map<String, String>> options = new ArrayList<>();
    for (User user : users.byIds(List.copyOf(members(account)))) {
      options.add(Map.of("label", KnownUsers.displayName(user) + " (" + user.getId() + ")", "value", user.getId()));
    }
    return options;
  }
}
