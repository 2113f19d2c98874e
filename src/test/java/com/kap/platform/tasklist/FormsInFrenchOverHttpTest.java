package com.kap.platform.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kap.platform.i18n.UserLocales;
import com.kap.platform.identity.Roles;
import com.kap.support.Api;
import com.kap.support.CycleForms;
import com.kap.support.DemoCycle;
import com.kap.support.KapTest;
import com.kap.support.WebappSession;
import java.net.http.HttpResponse;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist speaks the language of whoever is logged in ({@link TasklistTranslation}): a programme director whose
 * language is French gets the forms, the task, process and filter names in French, and a refusal in French (the
 * fields by their French labels, and their problems), while diane, in English, gets them as the files write them.
 */
@KapTest
class FormsInFrenchOverHttpTest {

  private static final int YEAR = 2161;
  private static final String USER = "camillefr";
  private static final String PASSWORD = "Un-mot-de-passe-2161!";
  private static final String ENGINE = "/api/engine/engine/default/";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired IdentityService identityService;
  @Autowired UserLocales locales;
  @Autowired TestRestTemplate rest;
  @LocalServerPort int port;

  @BeforeEach
  void frenchDirectorAndACycle() throws InterruptedException {
    removeUser();
    User user = identityService.newUser(USER);
    user.setFirstName("Camille");
    user.setLastName("Martin");
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
    identityService.createMembership(USER, Roles.PROGRAMME_DIRECTOR);
    locales.set(USER, Locale.FRENCH);
    new DemoCycle(new Api(rest), YEAR).startOnceAndAwaitValidation();
  }

  @AfterEach
  void removeUser() {
    if (identityService.createUserQuery().userId(USER).count() > 0) {
      locales.set(USER, null);
      identityService.deleteMembership(USER, Roles.PROGRAMME_DIRECTOR);
      identityService.deleteUser(USER);
    }
  }

  @Test
  void aFrenchUserGetsTheStartFormInFrenchWithItsValuesAndAnEnglishUserInEnglish() throws Exception {
    JsonNode french = startForm(session(USER, PASSWORD), "recordTraining");
    JsonNode audience = field(french, "audience");
    assertThat(audience.path("label").asText()).isEqualTo("Public");
    assertThat(audience.path("values").findValuesAsText("label")).contains("Équipe de compte", "Sponsor exécutif");
    assertThat(audience.path("values").findValuesAsText("value")).contains("kam", "team", "sponsor",
        "seniorManagement");
    assertThat(field(french, "hours").path("label").asText()).isEqualTo("Durée en heures");
    assertThat(field(french, "deliveredOn").path("dateLabel").asText()).isEqualTo("Dispensée le");

    JsonNode english = startForm(session("diane", "demo"), "recordTraining");
    assertThat(field(english, "audience").path("label").asText()).isEqualTo("Audience");
    assertThat(field(english, "hours").path("label").asText()).isEqualTo("Duration in hours");
  }

  @Test
  void aFrenchUserGetsTaskProcessAndFilterNamesInFrench() throws Exception {
    WebappSession french = session(USER, PASSWORD);
    WebappSession english = session("diane", "demo");
    String tasks = ENGINE + "task?processDefinitionKey=annualPlanningCycle&taskDefinitionKey=validateSegmentation"
        + "&maxResults=5";
    JsonNode frenchTasks = JSON.readTree(french.getAsWebapp(tasks).body());
    assertThat(names(frenchTasks.path("_embedded").path("task"))).isNotEmpty()
        .containsOnly("Valider la segmentation");
    assertThat(frenchTasks.path("_embedded").path("processDefinition").findValuesAsText("name"))
        .containsOnly("Cycle de planification annuel");
    String taskId = frenchTasks.path("_embedded").path("task").get(0).path("id").asText();
    assertThat(JSON.readTree(french.get(ENGINE + "task/" + taskId).body()).path("name").asText())
        .isEqualTo("Valider la segmentation");
    assertThat(names(JSON.readTree(english.getAsWebapp(tasks).body()).path("_embedded").path("task")))
        .isNotEmpty().containsOnly("Validate segmentation");

    JsonNode frenchForm = JSON.readTree(french.get(ENGINE + "task/" + taskId + "/deployed-form").body());
    assertThat(field(frenchForm, "overrides").path("label").asText())
        .startsWith("Ajustements (facultatif)");
    JsonNode englishForm = JSON.readTree(english.get(ENGINE + "task/" + taskId + "/deployed-form").body());
    assertThat(field(englishForm, "overrides").path("label").asText()).startsWith("Overrides (optional)");

    String definitions = ENGINE + "process-definition?latestVersion=true&key=annualPlanningCycle";
    assertThat(JSON.readTree(french.get(definitions).body()).findValuesAsText("name"))
        .containsExactly("Cycle de planification annuel");
    assertThat(JSON.readTree(english.get(definitions).body()).findValuesAsText("name"))
        .containsExactly("Annual planning cycle");

    JsonNode frenchFilters = JSON.readTree(french.get(ENGINE + "filter?resourceType=Task").body());
    assertThat(frenchFilters.findValuesAsText("name")).contains("Segmentations à valider", "Mes tâches")
        .doesNotContain("Segmentations to validate");
    JsonNode englishFilters = JSON.readTree(english.get(ENGINE + "filter?resourceType=Task").body());
    assertThat(englishFilters.findValuesAsText("name")).contains("Segmentations to validate", "My tasks");
    String filterId = englishFilters.findParents("name").stream()
        .filter(filter -> filter.path("name").asText().equals("Segmentations to validate")).findFirst().orElseThrow()
        .path("id").asText();
    HttpResponse<String> listed = french.postJsonAsWebapp(ENGINE + "filter/" + filterId + "/list?maxResults=5",
        "{}");
    assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
    assertThat(names(JSON.readTree(listed.body()).path("_embedded").path("task"))).isNotEmpty()
        .containsOnly("Valider la segmentation");
  }

  @Test
  void aUserWhoChangesTheirLanguageHasTasklistInItOnTheNextCall() throws Exception {
    WebappSession session = session(USER, PASSWORD);
    String definitions = ENGINE + "process-definition?latestVersion=true&key=annualPlanningCycle";
    assertThat(JSON.readTree(session.get(definitions).body()).findValuesAsText("name"))
        .containsExactly("Cycle de planification annuel");
    assertThat(JSON.readTree(session.get(definitions).body()).findValuesAsText("name"))
        .containsExactly("Cycle de planification annuel");

    locales.set(USER, Locale.ENGLISH);
    assertThat(JSON.readTree(session.get(definitions).body()).findValuesAsText("name"))
        .as("the language just set, not the one kept").containsExactly("Annual planning cycle");
    locales.set(USER, Locale.FRENCH);
    assertThat(JSON.readTree(session.get(definitions).body()).findValuesAsText("name"))
        .containsExactly("Cycle de planification annuel");
  }

  @Test
  void aRefusedStartIsWholeInFrenchForAFrenchUser() throws Exception {
    String wrong = CycleForms.variables("\"year\":{\"value\":" + YEAR + "},\"title\":{\"value\":\"Vente\"},"
        + "\"audience\":{\"value\":\"kam\"},\"deliveredOn\":{\"value\":\"2199-01-01\"},\"hours\":{\"value\":0},"
        + "\"participants\":{\"value\":\"alice\"}");
    String french = refusal(session(USER, PASSWORD), wrong);
    assertThat(french).as("the labels and the problems in French").isEqualTo("2 problèmes à corriger : "
        + "1) Dispensée le : doit être un jour de " + YEAR + ", pas le 01/01/2199 ; "
        + "2) Durée en heures : doit être plus de 0 et au plus 100, pas 0");
    String english = refusal(session("diane", "demo"), wrong);
    assertThat(english).isEqualTo("2 problems to correct: 1) Delivered on: must be a day of " + YEAR + ", was "
        + "01/01/2199; 2) Duration in hours: must be more than 0 and at most 100, was 0");
  }

  private String refusal(WebappSession session, String variables) throws Exception {
    String id = definitionId(session, "recordTraining");
    HttpResponse<String> refused = session.postJson(ENGINE + "process-definition/" + id + "/submit-form",
        variables);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    return JSON.readTree(refused.body()).path("message").asText();
  }

  private WebappSession session(String user, String password) {
    WebappSession session = new WebappSession(port);
    assertThat(session.login(user, password, "tasklist")).as(user).isEqualTo(200);
    return session;
  }

  private JsonNode startForm(WebappSession session, String key) throws Exception {
    HttpResponse<String> form = session.get(ENGINE + "process-definition/" + definitionId(session, key)
        + "/deployed-start-form");
    assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
    return JSON.readTree(form.body());
  }

  private static String definitionId(WebappSession session, String key) throws Exception {
    JsonNode definitions = JSON.readTree(session.get(ENGINE + "process-definition?latestVersion=true&key=" + key)
        .body());
    assertThat(definitions).hasSize(1);
    return definitions.get(0).path("id").asText();
  }

  /** The names of the tasks of a list (not of their embedded variables). */
  private static java.util.List<String> names(JsonNode tasks) {
    java.util.List<String> names = new java.util.ArrayList<>();
    tasks.forEach(task -> names.add(task.path("name").asText()));
    return names;
  }

  /** The component of the form with that key (or a dynamic list's path). */
  private static JsonNode field(JsonNode form, String key) {
    return form.findParents("type").stream()
        .filter(c -> key.equals(c.path("key").asText()) || key.equals(c.path("path").asText())).findFirst()
        .orElseThrow(() -> new AssertionError("no field " + key + " in " + form));
  }
}
