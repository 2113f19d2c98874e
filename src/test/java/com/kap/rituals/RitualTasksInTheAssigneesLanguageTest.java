package com.kap.rituals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.kap.planning.AccountPlanProcessTest;
import com.kap.planning.internal.AccountPlanRepository;
import com.kap.platform.forms.DisplayDates;
import com.kap.platform.i18n.UserLocales;
import com.kap.platform.identity.Roles;
import com.kap.portfolio.PortfolioSegmentation;
import com.kap.rituals.internal.OccurrenceRepository;
import com.kap.support.AsUser;
import com.kap.support.KapTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The texts the server writes into the ritual tasks' forms are in the language of the task's assignee, and follow
 * the task when it is claimed or given to someone else: the calendar proposal's days (camille, French, and alice,
 * English), the calendar forms' cadence, ritual names and shortfall, and a plan review's ritual, day and reviewed
 * plan.
 */
@KapTest
class RitualTasksInTheAssigneesLanguageTest {

  private static final int CALENDAR_YEAR = 2230;
  private static final int REVIEW_YEAR = 2231;
  private static final int FRENCH_REVIEW_YEAR = 2232;
  private static final int FORMS_YEAR = 2168;
  private static final String FRENCH_DIRECTOR = "dirfr2168";

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired PortfolioSegmentation segmentation;
  @Autowired AccountPlanRepository plans;
  @Autowired UserLocales locales;
  @Autowired OccurrenceRepository occurrences;
  @Autowired FormService formService;

  @AfterEach
  void removeFrenchDirector() {
    if (identityService.createUserQuery().userId(FRENCH_DIRECTOR).count() > 0) {
      locales.set(FRENCH_DIRECTOR, null);
      identityService.deleteMembership(FRENCH_DIRECTOR, Roles.PROGRAMME_DIRECTOR);
      identityService.deleteUser(FRENCH_DIRECTOR);
    }
  }

  @Test
  void theCalendarProposalGivesItsDaysInTheKamsLanguageAndInTheNextAssigneesWhenReassigned() {
    assertThat(locales.of("camille")).as("the demo's French KAM").isEqualTo(Locale.FRENCH);
    assertThat(locales.of("alice")).isEqualTo(Locale.ENGLISH);
    segmentation.segment(CALENDAR_YEAR);
    runtimeService.startProcessInstanceByKey("ritualPlan", CALENDAR_YEAR + "-ACC-011"); // Vega Motors, camille
    runtimeService.startProcessInstanceByKey("ritualPlan", CALENDAR_YEAR + "-ACC-012"); // Zenith Bank, alice

    Task camilles = proposal("ACC-011");
    assertThat(camilles.getAssignee()).isEqualTo("camille");
    assertThat(taskService.getVariable(camilles.getId(), "windowText"))
        .isEqualTo("du 01/01/2230 au 31/12/2230, jours ouvrés (du lundi au vendredi)");
    Task alices = proposal("ACC-012");
    assertThat(alices.getAssignee()).isEqualTo("alice");
    assertThat(taskService.getVariable(alices.getId(), "windowText"))
        .isEqualTo("01/01/2230 to 12/31/2230, working days (Monday to Friday)");

    taskService.setAssignee(camilles.getId(), "alice");
    assertThat(taskService.getVariable(camilles.getId(), "windowText"))
        .isEqualTo("01/01/2230 to 12/31/2230, working days (Monday to Friday)");
    taskService.setAssignee(camilles.getId(), "camille");
    assertThat(taskService.getVariable(camilles.getId(), "windowText"))
        .isEqualTo("du 01/01/2230 au 31/12/2230, jours ouvrés (du lundi au vendredi)");
  }

  /**
   * The calendar forms' cadence table, ritual names and shortfall are the reader's: camille proposes in French and
   * submits the rows as her form shows them (French names) through the form service, which the server takes; the
   * validation, which two directors share, is in the installation's language while nobody holds it (they speak
   * English and French), then in whoever's claims it, with the rows' days as their date fields write them.
   */
  @Test
  void theCalendarFormsSayTheCadenceRitualsAndShortfallInTheirReadersLanguage() {
    segmentation.segment(FORMS_YEAR);
    runtimeService.startProcessInstanceByKey("ritualPlan", FORMS_YEAR + "-ACC-011"); // Vega Motors, camille
    runtimeService.startProcessInstanceByKey("ritualPlan", FORMS_YEAR + "-ACC-012"); // Zenith Bank, alice

    Task camilles = proposal(FORMS_YEAR, "ACC-011");
    String french = (String) taskService.getVariable(camilles.getId(), "cadenceSummary");
    assertThat(french).startsWith("| rituel | fréquence | avec le client | demandés cette année |\n|---|---|---|---|\n")
        .contains("| Revue interne des nouvelles affaires | ", "| Réunion opérationnelle | ",
            "| Revue du plan avec le directeur du programme | ", " | oui : nommez les participants | ", " | non | ")
        .containsAnyOf("tous les ", "une fois par an")
        .doesNotContain("ritual |", "with the customer", "yes:", "every", "quarterly", "monthly", "yearly", "| no |");
    assertThat(rows(taskService.getVariable(camilles.getId(), "ritualTypeOptions")))
        .contains(Map.of("label", "Réunion opérationnelle", "value", "operationsMeeting"))
        .noneMatch(option -> option.get("label").equals("Operations meeting"));
    List<Map<String, Object>> rows = rows(taskService.getVariable(camilles.getId(), "rituals"));
    assertThat(rows).isNotEmpty().extracting(row -> row.get("ritual")).contains("Réunion opérationnelle")
        .doesNotContain("Operations meeting");

    Task alices = proposal(FORMS_YEAR, "ACC-012");
    String english = (String) taskService.getVariable(alices.getId(), "cadenceSummary");
    assertThat(english).startsWith("| ritual | cadence | with the customer | asked for this year |\n")
        .contains("| Operations meeting | ", " | yes: name the participants | ", " | no | ")
        .doesNotContain("rituel", "oui");
    assertThat(rows(taskService.getVariable(alices.getId(), "rituals"))).extracting(row -> row.get("ritual"))
        .contains("Operations meeting");
    taskService.setAssignee(alices.getId(), "camille");
    assertThat((String) taskService.getVariable(alices.getId(), "cadenceSummary")).contains("| Réunion opérationnelle | ");
    taskService.setAssignee(alices.getId(), "alice");
    assertThat((String) taskService.getVariable(alices.getId(), "cadenceSummary")).isEqualTo(english);

    // a second programme director, French: the validation is the group's to claim, not diane's alone
    User director = identityService.newUser(FRENCH_DIRECTOR);
    director.setFirstName("Dominique");
    director.setLastName("Roux");
    identityService.saveUser(director);
    identityService.createMembership(FRENCH_DIRECTOR, Roles.PROGRAMME_DIRECTOR);
    locales.set(FRENCH_DIRECTOR, Locale.FRENCH);

    // camille leaves the operations meetings out: the rows go back with their French names, as her form has them
    List<Map<String, Object>> kept = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      if (!"operationsMeeting".equals(row.get("ritualType"))) {
        Map<String, Object> submitted = new LinkedHashMap<>(row);
        submitted.put("customerParticipants", "Responsable des achats");
        kept.add(submitted);
      }
    }
    Map<String, Object> form = new HashMap<>();
    form.put("rituals", Spin.JSON(kept));
    form.put("justification", "Les réunions opérationnelles passent par le comité mensuel.");
    AsUser.call(identityService, "camille", Roles.KAM, () -> {
      formService.submitTaskForm(camilles.getId(), form);
      return null;
    });
    assertThat(occurrences.findByPlan(FORMS_YEAR, "ACC-011")).as("the rows as camille submitted them")
        .filteredOn(o -> o.status() == Occurrence.Status.PROPOSED).hasSize(kept.size())
        .noneMatch(o -> o.type() == RitualType.OPERATIONS_MEETING);

    Task validation = taskService.createTaskQuery().processInstanceBusinessKey(FORMS_YEAR + "-ACC-011")
        .taskDefinitionKey("validateRitualCalendar").singleResult();
    assertThat(validation.getAssignee()).isNull();
    assertThat(runtimeService.getVariable(validation.getProcessInstanceId(), "shortfall"))
        .as("the process keeps the English").asString().startsWith("Operations meeting (0 of ");
    assertThat(taskService.getVariable(validation.getId(), "shortfall"))
        .as("the directors speak English and French: the installation's language").asString()
        .startsWith("Operations meeting (0 of ");
    taskService.claim(validation.getId(), FRENCH_DIRECTOR);
    assertThat(taskService.getVariable(validation.getId(), "shortfall")).asString()
        .startsWith("Réunion opérationnelle (0 sur ");
    assertThat((String) taskService.getVariable(validation.getId(), "cadenceSummary"))
        .contains("| rituel | fréquence |", "| Réunion opérationnelle | ");
    List<LocalDate> days = kept.stream().map(row -> LocalDate.parse((String) row.get("date"))).toList();
    List<Map<String, Object>> shown = rows(taskService.getVariable(validation.getId(), "rituals"));
    assertThat(shown).extracting(row -> row.get("date")).containsExactlyInAnyOrderElementsOf(days.stream()
        .map(day -> DisplayDates.format(day, Locale.FRENCH)).toList());
    assertThat(shown).extracting(row -> row.get("ritual")).contains("Revue interne des nouvelles affaires")
        .doesNotContain("Internal new-business review");

    taskService.setAssignee(validation.getId(), "diane");
    assertThat(taskService.getVariable(validation.getId(), "shortfall")).asString()
        .startsWith("Operations meeting (0 of ");
    shown = rows(taskService.getVariable(validation.getId(), "rituals"));
    assertThat(shown).extracting(row -> row.get("date")).containsExactlyInAnyOrderElementsOf(days.stream()
        .map(day -> DisplayDates.format(day, Locale.ENGLISH)).toList());
    assertThat(shown).extracting(row -> row.get("ritual")).contains("Internal new-business review")
        .doesNotContain("Revue interne des nouvelles affaires");
  }

  @Test
  void aPlanReviewNamesItsRitualDayAndPlanInTheLanguageOfWhoeverHoldsIt() {
    Task review = planReviewDue("alice");
    assertThat(review.getAssignee()).as("the programme director's or the KAM's to claim").isNull();
    assertThat(texts(review)).containsExactly("Plan review with the programme director", "06/29/2231",
        "the 2231 plan (version 1)");
    assertThat(taskService.getVariable(review.getId(), "reviewActions").toString())
        .contains("\"owner\":\"diane, due 03/31/2027\"");

    taskService.claim(review.getId(), "camille");
    assertThat(texts(review)).containsExactly("Revue du plan avec le directeur du programme", "29/06/2231",
        "plan 2231 (version 1)");
    taskService.setAssignee(review.getId(), "alice");
    assertThat(texts(review)).containsExactly("Plan review with the programme director", "06/29/2231",
        "the 2231 plan (version 1)");
    assertThat(taskService.getVariable(review.getId(), "planReview")).isEqualTo(true);
    assertThat(taskService.getVariable(review.getId(), "reviewObjectives").toString()).contains("Lift gross margin");
    assertThat(taskService.getVariable(review.getId(), "reviewActions").toString())
        .as("the rows, which the form submits, stay as they were made").contains("diane, due 03/31/2027");
  }

  @Test
  void aPlanReviewHostedByAFrenchSpeakerIsMadeInFrench() {
    Task review = planReviewDue("camille");
    assertThat(review.getAssignee()).isEqualTo("camille");
    assertThat(texts(review)).containsExactly("Revue du plan avec le directeur du programme", "29/06/2232",
        "plan 2232 (version 1)");
    assertThat(taskService.getVariable(review.getId(), "reviewActions").toString())
        .contains("\"owner\":\"diane, échéance le 31/03/2027\"");
  }

  // --- helpers

  private List<Object> texts(Task task) {
    return List.of(taskService.getVariable(task.getId(), "ritualLabel"),
        taskService.getVariable(task.getId(), "plannedDateText"),
        taskService.getVariable(task.getId(), "reviewedPlanText"));
  }

  private Task proposal(String accountId) {
    return proposal(CALENDAR_YEAR, accountId);
  }

  private Task proposal(int year, String accountId) {
    return await("the calendar proposal of " + accountId).atMost(Duration.ofSeconds(30)).until(() ->
        taskService.createTaskQuery().processInstanceBusinessKey(year + "-" + accountId)
            .taskDefinitionKey("proposeRitualCalendar").singleResult(), task -> task != null);
  }

  /** A Json list of rows as maps. */
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> rows(Object json) {
    return ((SpinJsonNode) json).mapTo(List.class);
  }

  /**
   * Atlas Logistics' plan approved, its ritual calendar one plan review (hosted by {@code host}, or by the programme
   * director for "alice"), and the review's day come. A form takes no date after 2200, so the calendar is planned as
   * its validation would plan it, not through its forms.
   */
  private Task planReviewDue(String host) {
    String account = "ACC-003"; // Atlas Logistics: Strategic, KAM alice, sponsor gilles
    int year = host.equals("alice") ? REVIEW_YEAR : FRENCH_REVIEW_YEAR;
    ProcessInstance plan = AccountPlanProcessTest.startPlan(runtimeService, segmentation, plans, year,
        account);
    complete(plan, "alice", "kam", AccountPlanProcessTest.fullPlan());
    complete(plan, "gilles", "executive-sponsor", Map.of("sponsorComments", "Good",
        "touchpointCommitments", "Quarterly top-to-top"));
    complete(plan, "diane", "programme-director", Map.of("decision", "approve"));
    ProcessInstance rituals = await("the ritual plan").atMost(Duration.ofSeconds(30)).until(() ->
        runtimeService.createProcessInstanceQuery().processDefinitionKey("ritualPlan")
            .processInstanceBusinessKey(year + "-" + account).singleResult(), p -> p != null);
    await("the calendar proposal").atMost(Duration.ofSeconds(30)).until(() -> taskService.createTaskQuery()
        .processInstanceId(rituals.getId()).taskDefinitionKey("proposeRitualCalendar").count() == 1);
    occurrences.propose(year, account, List.of(new OccurrenceRepository.Proposal(RitualType.PLAN_REVIEW,
        LocalDate.of(year, 6, 29), host.equals("alice") ? null : host, null)), Instant.now());
    runtimeService.createProcessInstanceModification(rituals.getId()).startBeforeActivity("scheduleRituals")
        .execute();
    runtimeService.createProcessInstanceModification(rituals.getId()).cancelAllForActivity("proposeRitualCalendar")
        .execute(true, false); // nothing was proposed through the form: its listener has nothing to record
    managementService.executeJob(await("the review's day").atMost(Duration.ofSeconds(30)).until(() ->
        managementService.createJobQuery().processInstanceId(rituals.getId()).timers().activityId("nextRitualDay")
            .singleResult(), job -> job != null).getId());
    return taskService.createTaskQuery().processInstanceId(rituals.getId()).taskDefinitionKey("holdRitual")
        .singleResult();
  }

  private void complete(ProcessInstance instance, String user, String group, Map<String, Object> variables) {
    Task task = await("a task of " + user).atMost(Duration.ofSeconds(30)).until(() -> taskService.createTaskQuery()
        .processInstanceId(instance.getId()).active().list().stream().findFirst().orElse(null), t -> t != null);
    AsUser.complete(identityService, taskService, task, user, group, variables);
  }
}
