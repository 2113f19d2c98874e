package com.kap.platform.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * KAP's role groups with what each may do (the README's authorization matrix) and their Tasklist filters, in every
 * profile: an administrator only adds users to these groups. Idempotent: what exists already is left as it is, so a
 * restart or a second node changes nothing, and an administrator's later changes stay.
 */
@Component
public class RoleAccess {

  static final Map<String, String> GROUPS = Map.of(
      Roles.KAM, "Key account managers",
      Roles.PROGRAMME_DIRECTOR, "KAM programme director",
      Roles.DIRECTOR, "Steering committee",
      Roles.EXECUTIVE_SPONSOR, "Executive sponsors",
      Roles.TRAINING_COORDINATOR, "Training coordinators",
      Roles.PROCESS_OWNER, "Process owners",
      Roles.GLOBAL_COMMITTEE, "Global steering committee (hears budget appeals)");

  /** The processes whose running instances a process owner reads in Cockpit: every one but the budget's. */
  static final List<String> PROCESS_OWNER_INSTANCES = List.of("annualCycleSchedule", "annualPlanningCycle",
      "accountPlan", "ritualPlan", "customerAdvisoryBoard", "followUpAction", "recordTraining");

  /**
   * The names of KAP's Tasklist filters, in English (the French is in {@code i18n/source/filters_fr.properties},
   * {@code FormTranslationsTest} keeps the two in step): a filter not listed here is not created.
   */
  public static final List<String> FILTER_NAMES = List.of("My tasks", "My group's tasks",
      "Segmentations to validate", "Plans to approve", "Plans to draft", "Plans to review as sponsor", "Bids to score",
      "My bids", "Budget decisions", "Appeals to review", "Rituals and boards to hold", "Ritual calendars to validate",
      "Rituals to hold", "Plan reviews to record", "Actions to follow up", "Training plans");

  /** Business columns Tasklist shows in every KAP filter; in French their labels are {@code filter.column.<name>}. */
  public static final List<Map<String, String>> COLUMNS = List.of(
      Map.of("name", "accountName", "label", "Account"),
      Map.of("name", "year", "label", "Year"),
      Map.of("name", "segment", "label", "Segment"));

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final FilterService filterService;
  private final TaskService taskService;

  public RoleAccess(IdentityService identityService, AuthorizationService authorizationService,
      FilterService filterService, TaskService taskService) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.filterService = filterService;
    this.taskService = taskService;
  }

  @EventListener(PostDeployEvent.class)
  @Order(0)
  public void apply() {
    GROUPS.forEach(this::group);
    authorizations();
    filters();
  }

  private void group(String id, String name) {
    if (identityService.createGroupQuery().groupId(id).count() == 0) {
      Group group = identityService.newGroup(id);
      group.setName(name);
      group.setType("WORKFLOW");
      identityService.saveGroup(group);
    }
  }

  private void authorizations() {
    for (String group : GROUPS.keySet()) {
      grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      if (group.equals(Roles.KAM)) {
        // least privilege: a KAM reads their own user (Camunda grants it) and groups, not everyone's e-mail and groups
        revoke(group, Resources.USER, ANY);
        revoke(group, Resources.GROUP, ANY);
      } else {
        grant(group, Resources.USER, ANY, Permissions.READ);
        grant(group, Resources.GROUP, ANY, Permissions.READ);
      }
      // lets Tasklist show the diagram of a task
      grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
    }
    grant(Roles.PROGRAMME_DIRECTOR, Resources.PROCESS_DEFINITION, "annualPlanningCycle", Permissions.READ,
        Permissions.CREATE_INSTANCE);
    grant(Roles.PROGRAMME_DIRECTOR, Resources.PROCESS_DEFINITION, "budgetRound", Permissions.READ,
        Permissions.CREATE_INSTANCE);
    grant(Roles.PROGRAMME_DIRECTOR, Resources.PROCESS_DEFINITION, "customerAdvisoryBoard", Permissions.READ,
        Permissions.CREATE_INSTANCE);
    grant(Roles.PROGRAMME_DIRECTOR, Resources.PROCESS_DEFINITION, "recordTraining", Permissions.READ,
        Permissions.CREATE_INSTANCE);
    grant(Roles.PROGRAMME_DIRECTOR, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    // the training coordinator records training delivered ("Start process" in Tasklist), and starts nothing else
    grant(Roles.TRAINING_COORDINATOR, Resources.PROCESS_DEFINITION, "recordTraining", Permissions.READ,
        Permissions.CREATE_INSTANCE);
    grant(Roles.TRAINING_COORDINATOR, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    grant(Roles.KAM, Resources.PROCESS_DEFINITION, "investmentBid", Permissions.READ, Permissions.CREATE_INSTANCE);
    grant(Roles.KAM, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    // process owners deploy changed diagrams from Camunda Modeler and watch them run in Cockpit
    grant(Roles.PROCESS_OWNER, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(Roles.PROCESS_OWNER, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ);
    grant(Roles.PROCESS_OWNER, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
    grant(Roles.PROCESS_OWNER, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    // ... and find their running instances there, read-only. Not the budget's: a bid's variables hold blind scores.
    for (String process : PROCESS_OWNER_INSTANCES) {
      grant(Roles.PROCESS_OWNER, Resources.PROCESS_DEFINITION, process, Permissions.READ, Permissions.READ_INSTANCE,
          Permissions.READ_HISTORY);
    }
  }

  private void filters() {
    List<String> everyone = List.copyOf(GROUPS.keySet());
    filter("My tasks", -10, taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"), everyone);
    filter("My group's tasks", -5, taskService.createTaskQuery()
        .taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned(), everyone);
    filter("Segmentations to validate", 0, taskService.createTaskQuery().taskDefinitionKey("validateSegmentation"),
        List.of(Roles.PROGRAMME_DIRECTOR));
    filter("Plans to approve", 1, taskService.createTaskQuery().taskDefinitionKey("approveAccountPlan"),
        List.of(Roles.PROGRAMME_DIRECTOR));
    filter("Plans to draft", 0, taskService.createTaskQuery().taskDefinitionKey("draftAccountPlan")
        .taskAssigneeExpression("${currentUser()}"), List.of(Roles.KAM));
    filter("Plans to review as sponsor", 0, taskService.createTaskQuery().taskDefinitionKey("reviewPlanAsSponsor")
        .taskAssigneeExpression("${currentUser()}"), List.of(Roles.EXECUTIVE_SPONSOR));
    filter("Bids to score", 0, taskService.createTaskQuery().taskDefinitionKey("scoreBid")
        .taskAssigneeExpression("${currentUser()}"), List.of(Roles.DIRECTOR));
    filter("My bids", 0, taskService.createTaskQuery().processDefinitionKey("investmentBid")
        .taskAssigneeExpression("${currentUser()}"), List.of(Roles.KAM));
    filter("Budget decisions", 1, taskService.createTaskQuery().taskDefinitionKeyIn("closeCallEarly",
        "calibrateScores", "decideAllocation").taskAssigneeExpression("${currentUser()}"), List.of(Roles.DIRECTOR));
    filter("Appeals to review", 2, taskService.createTaskQuery().taskDefinitionKey("reviewAppeal")
        .taskCandidateUserExpression("${currentUser()}").includeAssignedTasks(), List.of(Roles.GLOBAL_COMMITTEE, Roles.PROGRAMME_DIRECTOR));
    filter("Rituals and boards to hold", 3, taskService.createTaskQuery().taskDefinitionKeyIn("holdRitual",
        "holdAdvisoryBoard", "followUpMissedRitual").taskCandidateGroup(Roles.PROGRAMME_DIRECTOR),
        List.of(Roles.PROGRAMME_DIRECTOR));
    filter("Ritual calendars to validate", 2, taskService.createTaskQuery().taskDefinitionKey("validateRitualCalendar"),
        List.of(Roles.PROGRAMME_DIRECTOR));
    filter("Rituals to hold", 1, taskService.createTaskQuery().taskDefinitionKeyIn("proposeRitualCalendar",
        "holdRitual").taskAssigneeExpression("${currentUser()}"), List.of(Roles.KAM, Roles.EXECUTIVE_SPONSOR));
    filter("Plan reviews to record", 2, taskService.createTaskQuery().taskDefinitionKey("holdRitual")
        .taskCandidateUserExpression("${currentUser()}"), List.of(Roles.KAM));
    filter("Actions to follow up", 4, taskService.createTaskQuery().taskDefinitionKey("followUpActionTask")
        .taskAssigneeExpression("${currentUser()}"), everyone);
    filter("Training plans", 0, taskService.createTaskQuery().taskDefinitionKey("consolidateTrainingPlan"),
        List.of(Roles.TRAINING_COORDINATOR));
  }

  private void filter(String name, int priority, TaskQuery query, List<String> groups) {
    if (!FILTER_NAMES.contains(name)) {
      throw new IllegalStateException("Filter '" + name + "' is not in RoleAccess.FILTER_NAMES: add it, and its "
          + "French to i18n/source/filters_fr.properties");
    }
    Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filterService.newTaskFilter(name)
          .setQuery(query)
          .setProperties(Map.of("priority", priority, "description", name, "refresh", true, "variables", COLUMNS));
      filterService.saveFilter(filter);
    } else if (!sameQuery(filter, query)) {
      // KAP's own filter from an earlier version: it shows what this version's tasks need
      filter.setQuery(query);
      filterService.saveFilter(filter);
    }
    for (String group : groups) {
      grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
    }
  }

  private boolean sameQuery(Filter filter, TaskQuery query) {
    Filter wanted = filterService.newTaskFilter(filter.getName()).setQuery(query);
    return java.util.Objects.equals(((FilterEntity) filter).getQueryInternal(),
        ((FilterEntity) wanted).getQueryInternal());
  }

  /** Removes a grant that earlier versions of KAP made (idempotent). */
  private void revoke(String group, Resource resource, String resourceId) {
    authorizationService.createAuthorizationQuery().groupIdIn(group).resourceType(resource).resourceId(resourceId)
        .list().forEach(authorization -> authorizationService.deleteAuthorization(authorization.getId()));
  }

  private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
    boolean exists = authorizationService.createAuthorizationQuery().groupIdIn(group)
        .resourceType(resource).resourceId(resourceId).count() > 0;
    if (exists) {
      return;
    }
    Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setGroupId(group);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizationService.saveAuthorization(authorization);
  }
}
