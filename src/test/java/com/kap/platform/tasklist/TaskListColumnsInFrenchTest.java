package com.kap.platform.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kap.platform.i18n.UserLocales;
import com.kap.platform.identity.Roles;
import com.kap.support.Api;
import com.kap.support.DemoCycle;
import com.kap.support.KapTest;
import com.kap.support.WebappSession;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
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
 * A task of a whole cycle shows "All accounts" and "All segments" in Tasklist's columns ({@link TaskListColumns}):
 * a programme director whose language is French reads "Tous les comptes" and "Tous les segments" in the filter's
 * list, diane, in English, the words as stored.
 */
@KapTest
class TaskListColumnsInFrenchTest {

  private static final int YEAR = 2194; // a year of its own (docs/testing.md); a cycle's is at most 2199
  private static final String USER = "dominiquecols";
  private static final String PASSWORD = "Un-mot-de-passe-2194!";
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
    user.setFirstName("Dominique");
    user.setLastName("Durand");
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
  void theWordsOfAWholeCycleAreInTheUsersLanguage() throws Exception {
    assertThat(columns(session(USER, PASSWORD))).contains(List.of("Tous les comptes", "Tous les segments",
        String.valueOf(YEAR))).noneMatch(row -> row.contains("All accounts"));
    assertThat(columns(session("diane", "demo"))).contains(List.of("All accounts", "All segments",
        String.valueOf(YEAR))).noneMatch(row -> row.contains("Tous les comptes"));
  }

  /** The columns (account, segment, year) of each task the filter "Segmentations to validate" lists. */
  private static List<List<String>> columns(WebappSession session) throws Exception {
    JsonNode filters = JSON.readTree(session.getAsWebapp(ENGINE + "filter?resourceType=Task").body());
    String filterId = filters.findParents("name").stream()
        .filter(filter -> List.of("Segmentations to validate", "Segmentations à valider")
            .contains(filter.path("name").asText()))
        .findFirst().orElseThrow().path("id").asText();
    HttpResponse<String> listed = session.postJsonAsWebapp(ENGINE + "filter/" + filterId + "/list?maxResults=50",
        "{}");
    assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode task : JSON.readTree(listed.body()).path("_embedded").path("task")) {
      List<String> row = new ArrayList<>();
      for (String column : TaskListColumns.COLUMNS) {
        for (JsonNode variable : task.path("_embedded").path("variable")) {
          if (column.equals(variable.path("name").asText())) {
            row.add(variable.path("value").asText());
          }
        }
      }
      rows.add(row);
    }
    assertThat(rows).as(listed.body()).isNotEmpty();
    return rows;
  }

  private WebappSession session(String user, String password) {
    WebappSession session = new WebappSession(port);
    assertThat(session.login(user, password, "tasklist")).as(user).isEqualTo(200);
    return session;
  }
}
