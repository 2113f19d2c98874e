package com.kap.platform.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kap.support.Api;
import com.kap.support.KapTest;
import com.kap.support.WebappSession;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A user's language over the API ({@code /api/users/{userId}/locale}: the user and the admin; 403 for others
 * whether the user exists or not, 404 for no user, 400 for a language KAP does not speak) and on "My settings"
 * ({@code /kap/settings}: CSRF, post-redirect-get, the page in the chosen language), which Tasklist's script reads
 * from {@code /kap/me}. Every language changed here is reset after each test.
 */
@KapTest
class UserLocaleApiTest {

  @Autowired TestRestTemplate rest;
  @Autowired UserLocales locales;
  @Autowired Texts texts;
  @LocalServerPort int port;

  private Api api() {
    return new Api(rest);
  }

  @AfterEach
  void resetLanguages() {
    locales.set("alice", null);
    locales.set("bruno", null);
  }

  @Test
  void aUserReadsAndSetsTheirOwnLanguageAndResetsItWithNull() {
    JsonNode before = api().get("alice", "/api/users/alice/locale", JsonNode.class).getBody();
    assertThat(before.get("userId").asText()).isEqualTo("alice");
    assertThat(before.get("locale").asText()).as("kap.locale's").isEqualTo("en");
    assertThat(before.get("chosen").asBoolean()).isFalse();

    ResponseEntity<JsonNode> set = api().putJson("alice", "/api/users/alice/locale", "{\"locale\":\"fr\"}",
        JsonNode.class);
    assertThat(set.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(set.getBody().get("locale").asText()).isEqualTo("fr");
    assertThat(set.getBody().get("chosen").asBoolean()).isTrue();
    assertThat(locales.of("alice").getLanguage()).isEqualTo("fr");
    assertThat(texts.textFor("alice", "settings.title")).isEqualTo("Mes paramètres");
    assertThat(api().get("alice", "/api/users/alice/locale", JsonNode.class).getBody().get("locale").asText())
        .isEqualTo("fr");

    JsonNode reset = api().putJson("alice", "/api/users/alice/locale", "{\"locale\":null}", JsonNode.class)
        .getBody();
    assertThat(reset.get("locale").asText()).isEqualTo("en");
    assertThat(reset.get("chosen").asBoolean()).isFalse();
    assertThat(locales.chosenBy("alice")).isEmpty();
  }

  @Test
  void theAdminSetsAnyonesLanguageAndOthersAreRefused() {
    ResponseEntity<JsonNode> set = api().putJson("admin", "/api/users/bruno/locale", "{\"locale\":\"fr\"}",
        JsonNode.class);
    assertThat(set.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(api().get("admin", "/api/users/bruno/locale", JsonNode.class).getBody().get("locale").asText())
        .isEqualTo("fr");
    assertThat(api().get("bruno", "/api/users/bruno/locale", JsonNode.class).getBody().get("locale").asText())
        .as("bruno sees what the admin set").isEqualTo("fr");

    ResponseEntity<JsonNode> other = api().putJson("alice", "/api/users/bruno/locale", "{\"locale\":\"en\"}",
        JsonNode.class);
    assertThat(other.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(other.getBody().get("detail").asText()).contains("only their own language");
    assertThat(api().get("alice", "/api/users/bruno/locale", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(api().get("diane", "/api/users/bruno/locale", String.class).getStatusCode())
        .as("the programme director is no admin").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(api().get("alice", "/api/users/no-such-user/locale", String.class).getStatusCode())
        .as("whether a user exists is not told to others").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(locales.of("bruno").getLanguage()).as("unchanged by the refusals").isEqualTo("fr");

    assertThat(api().get(null, "/api/users/bruno/locale", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void anUnknownUserIs404AndAnUnsupportedLanguage400NamingTheSupportedOnes() {
    ResponseEntity<JsonNode> nobody = api().putJson("admin", "/api/users/no-such-user/locale",
        "{\"locale\":\"fr\"}", JsonNode.class);
    assertThat(nobody.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(nobody.getBody().get("detail").asText()).contains("no-such-user");
    assertThat(api().get("admin", "/api/users/no-such-user/locale", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);

    for (String unsupported : new String[] {"de", "klingon", ""}) {
      ResponseEntity<JsonNode> refused = api().putJson("alice", "/api/users/alice/locale",
          "{\"locale\":\"" + unsupported + "\"}", JsonNode.class);
      assertThat(refused.getStatusCode()).as(unsupported).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
      assertThat(refused.getBody().get("detail").asText()).contains("KAP speaks en, fr");
      assertThat(refused.getBody().get("field").asText()).isEqualTo("locale");
    }
    assertThat(locales.chosenBy("alice")).as("nothing set by a refusal").isEmpty();
    assertThat(api().putJson("alice", "/api/users/alice/locale", "{\"locale\":\"fr-CA\"}", JsonNode.class)
        .getBody().get("locale").asText()).as("a regional tag: its language").isEqualTo("fr");
  }

  @Test
  void mySettingsSavesTheLanguageWithCsrfAndSpeaksIt() throws Exception {
    WebappSession alice = new WebappSession(port);
    alice.login("alice", "demo", "tasklist");
    ObjectMapper json = new ObjectMapper();
    assertThat(json.readTree(alice.pageJson("/kap/me").body()).get("locale").asText()).isEqualTo("en");
    JsonNode settingsLink = json.readTree(alice.pageJson("/kap/links").body()).findParents("path").stream()
        .filter(link -> link.get("path").asText().equals("/kap/settings")).findFirst().orElseThrow();
    assertThat(settingsLink.get("label").asText()).isEqualTo("My settings");
    assertThat(settingsLink.get("personal").asBoolean()).isTrue();

    HttpResponse<String> page = alice.page("/kap/settings");
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(page.body()).contains("<h1>My settings</h1>", "Your language: English, KAP&#39;s own", "Français")
        .containsPattern("value=\"en\"[^>]*checked=\"checked\"").doesNotContainPattern("value=\"fr\"[^>]*checked");

    assertThat(alice.postPage("/kap/settings", "locale=fr", null).statusCode()).as("no CSRF token").isEqualTo(403);
    assertThat(locales.chosenBy("alice")).isEmpty();

    HttpResponse<String> saved = alice.postPage("/kap/settings", "locale=fr", alice.xsrfToken());
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
    assertThat(saved.headers().firstValue("Location")).hasValueSatisfying(
        location -> assertThat(location).endsWith("/kap/settings"));
    assertThat(locales.of("alice").getLanguage()).isEqualTo("fr");
    // PRG: the redirect's page says it once
    HttpResponse<String> after = alice.page("/kap/settings");
    assertThat(after.body()).contains("<html lang=\"fr\">", "<h1>Mes paramètres</h1>", "Enregistré",
        "Votre langue : Français.").containsPattern("value=\"fr\"[^>]*checked=\"checked\"");
    assertThat(alice.page("/kap/settings").body()).doesNotContain("Enregistré");
    assertThat(json.readTree(alice.pageJson("/kap/me").body()).get("locale").asText()).isEqualTo("fr");
    assertThat(json.readTree(alice.pageJson("/kap/links").body()).findValuesAsText("label"))
        .contains("Mes paramètres");

    HttpResponse<String> unsupported = alice.postPage("/kap/settings", "locale=de", alice.xsrfToken());
    assertThat(unsupported.statusCode()).isEqualTo(400);
    assertThat(unsupported.body()).contains("KAP parle en, fr");
    assertThat(locales.of("alice").getLanguage()).isEqualTo("fr");

    alice.postPage("/kap/settings", "locale=en", alice.xsrfToken());
    assertThat(alice.page("/kap/settings").body()).contains("<h1>My settings</h1>", "Saved",
        "Your language: English.");
  }
}
