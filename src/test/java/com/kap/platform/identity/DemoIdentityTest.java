package com.kap.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.kap.support.KapTest;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@KapTest
class DemoIdentityTest {

  @Autowired DemoIdentity demoIdentity;
  @Autowired RoleAccess roleAccess;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired FilterService filterService;
  @Autowired org.camunda.bpm.engine.RuntimeService runtimeService;
  @Autowired org.camunda.bpm.engine.TaskService taskService;
  @Autowired com.kap.portfolio.PortfolioSegmentation segmentation;

  @AfterEach
  void signOut() {
    identityService.clearAuthentication();
  }

  @Test
  void seedsEveryDemoLoginIntoItsRoleWithThePasswordDemo() {
    for (DemoIdentity.DemoUser user : DemoIdentity.USERS) {
      assertThat(identityService.checkPassword(user.id(), "demo")).as(user.id()).isTrue();
      assertThat(identityService.createUserQuery().userId(user.id()).memberOfGroup(user.group()).count())
          .as(user.id() + " in " + user.group()).isEqualTo(1);
    }
    assertThat(identityService.checkPassword("admin", "demo")).isTrue();
    assertThat(identityService.createUserQuery().memberOfGroup(Roles.DIRECTOR).list())
        .extracting(u -> u.getId()).containsExactlyInAnyOrder("eric", "fatima", "ines");
    // appeals go to the global committee: fatima chairs regional rounds, ines hears their appeals
    assertThat(identityService.createUserQuery().memberOfGroup(Roles.GLOBAL_COMMITTEE).list())
        .extracting(u -> u.getId()).containsExactlyInAnyOrder("fatima", "ines");
  }

  @Test
  void seedingAgainChangesNothing() {
    long users = identityService.createUserQuery().count();
    long authorizations = authorizationService.createAuthorizationQuery().count();
    long filters = filterService.createFilterQuery().count();

    roleAccess.apply();
    demoIdentity.seed();

    assertThat(identityService.createUserQuery().count()).isEqualTo(users);
    assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(authorizations);
    assertThat(filterService.createFilterQuery().count()).isEqualTo(filters);
  }

  @Test
  void eachRoleSeesItsOwnTasklistFilters() {
    assertThat(filterNamesVisibleTo("alice", Roles.KAM))
        .contains("My tasks", "My group's tasks", "Plans to draft")
        .doesNotContain("Plans to approve", "Bids to score");
    assertThat(filterNamesVisibleTo("diane", Roles.PROGRAMME_DIRECTOR))
        .contains("Segmentations to validate", "Plans to approve")
        .doesNotContain("Plans to draft");
    assertThat(filterNamesVisibleTo("eric", Roles.DIRECTOR)).contains("Bids to score");
    assertThat(filterNamesVisibleTo("hana", Roles.TRAINING_COORDINATOR)).contains("Training plans");
    Filter plansToApprove = filterService.createFilterQuery().filterName("Plans to approve").singleResult();
    assertThat(plansToApprove.getProperties()).containsKey("variables");
    assertThat(plansToApprove.getProperties().get("variables").toString()).contains("accountName", "segment", "year");
  }

  @Test
  void rolesMayOpenTasklistAndOnlyTheProgrammeDirectorStartsACycle() {
    for (String group : RoleAccess.GROUPS.keySet()) {
      assertThat(authorizationService.isUserAuthorized("someone", List.of(group), Permissions.ACCESS,
          Resources.APPLICATION, "tasklist")).as(group).isTrue();
    }
    assertThat(authorizationService.isUserAuthorized("diane", List.of(Roles.PROGRAMME_DIRECTOR),
        Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, "annualPlanningCycle")).isTrue();
    assertThat(authorizationService.isUserAuthorized("alice", List.of(Roles.KAM),
        Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, "annualPlanningCycle")).isFalse();
  }

  @Test
  void filterColumnsShowTheAccountSegmentAndYearOfATaskToItsAssignee() {
    segmentation.segment(2091);
    runtimeService.startProcessInstanceByKey("accountPlan", "2091-ACC-021", java.util.Map.of("year", 2091,
        "accountId", "ACC-021", "planDeadline", "2090-12-15",
        "planDeadlineDue", java.sql.Timestamp.valueOf("2090-12-16 00:00:00"),
        "reminderDue", java.sql.Timestamp.valueOf("2090-12-08 09:00:00")));
    org.camunda.bpm.engine.task.Task draft = taskService.createTaskQuery().processInstanceBusinessKey("2091-ACC-021")
        .singleResult();

    identityService.setAuthentication(draft.getAssignee(), List.of(Roles.KAM));
    try {
      List<org.camunda.bpm.engine.runtime.VariableInstance> columns = runtimeService.createVariableInstanceQuery()
          .taskIdIn(draft.getId()).variableNameIn("accountName", "segment", "year").listPage(0, 10);
      assertThat(columns).extracting(v -> v.getName() + "=" + v.getValue())
          .containsExactlyInAnyOrder("accountName=Mesa Packaging", "segment=Streamline", "year=2091");
      assertThat(runtimeService.createVariableInstanceQuery().processInstanceIdIn(draft.getProcessInstanceId())
          .variableName("customerSituation").count()).as("no read access to the whole process").isZero();
    } finally {
      identityService.clearAuthentication();
    }
  }

  private List<String> filterNamesVisibleTo(String user, String group) {
    identityService.setAuthentication(user, List.of(group));
    try {
      // an authenticated user's queries are paged: queryMaxResultsLimit refuses unbounded lists
      return filterService.createFilterQuery().listPage(0, 100).stream().map(Filter::getName).toList();
    } finally {
      identityService.clearAuthentication();
    }
  }
}
