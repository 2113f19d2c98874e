package com.kap.platform.identity;

import com.kap.platform.i18n.UserLocales;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: the demo logins of DESIGN §1 in their role groups ({@link RoleAccess} gives the groups their
 * rights in every profile), camille speaking French. Idempotent: what exists already is left as it is (a language
 * camille changed stays changed), so a restart or a second node changes nothing.
 */
@Component
@Profile("demo")
public class DemoIdentity {

  private static final Logger LOG = LoggerFactory.getLogger(DemoIdentity.class);

  record DemoUser(String id, String firstName, String lastName, String group) {}

  static final List<DemoUser> USERS = List.of(
      new DemoUser("alice", "Alice", "Martin", Roles.KAM),
      new DemoUser("bruno", "Bruno", "Costa", Roles.KAM),
      new DemoUser("chen", "Chen", "Wei", Roles.KAM),
      new DemoUser("camille", "Camille", "Martin", Roles.KAM),
      new DemoUser("diane", "Diane", "Laurent", Roles.PROGRAMME_DIRECTOR),
      new DemoUser("eric", "Eric", "Schmidt", Roles.DIRECTOR),
      new DemoUser("fatima", "Fatima", "Haddad", Roles.DIRECTOR),
      new DemoUser("ines", "Ines", "Ferreira", Roles.DIRECTOR),
      new DemoUser("gilles", "Gilles", "Moreau", Roles.EXECUTIVE_SPONSOR),
      new DemoUser("hana", "Hana", "Sato", Roles.TRAINING_COORDINATOR),
      new DemoUser("paula", "Paula", "Novak", Roles.PROCESS_OWNER));

  /** Second memberships: the global committee, which hears appeals against regional and global decisions. */
  static final Map<String, List<String>> MORE_GROUPS = Map.of(
      "fatima", List.of(Roles.GLOBAL_COMMITTEE),
      "ines", List.of(Roles.GLOBAL_COMMITTEE));

  /** Languages set when the login is made; the others speak the installation's ({@code kap.locale}). */
  static final Map<String, Locale> LOCALES = Map.of("camille", Locale.FRENCH);

  private final IdentityService identityService;
  private final UserLocales locales;
  private final String password;

  public DemoIdentity(IdentityService identityService, UserLocales locales,
      @Value("${kap.demo.password}") String password) {
    this.identityService = identityService;
    this.locales = locales;
    this.password = password;
  }

  @EventListener(PostDeployEvent.class)
  @Order(1)
  public void seed() {
    USERS.forEach(this::user);
    LOG.info("Demo logins ready: {} (password '{}')", USERS.stream().map(DemoUser::id).toList(), password);
  }

  private void user(DemoUser demo) {
    if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
      User user = identityService.newUser(demo.id());
      user.setFirstName(demo.firstName());
      user.setLastName(demo.lastName());
      user.setEmail(demo.id() + "@kap.example");
      user.setPassword(password);
      identityService.saveUser(user);
      if (LOCALES.containsKey(demo.id())) {
        locales.set(demo.id(), LOCALES.get(demo.id()));
      }
    }
    for (String group : groupsOf(demo)) {
      if (identityService.createUserQuery().userId(demo.id()).memberOfGroup(group).count() == 0) {
        identityService.createMembership(demo.id(), group);
      }
    }
  }

  static List<String> groupsOf(DemoUser demo) {
    List<String> groups = new ArrayList<>(List.of(demo.group()));
    groups.addAll(MORE_GROUPS.getOrDefault(demo.id(), List.of()));
    return groups;
  }
}
