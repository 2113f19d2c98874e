package com.kap.platform.pages;

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
 * KAP's pages speak the logged-in user's language: a French programme director reads the dashboard and the proofs
 * in French, with French dates; camille, the demo's French KAM, her bids, calendar, accounts and an account's page,
 * a refusal and the error page, each {@code <html lang="fr">}; diane, in English, the same pages as ever.
 */
@KapTest
class PagesInFrenchTest {

  private static final int YEAR = 2190;
  private static final String USER = "dominiquefr";
  private static final String PASSWORD = "Un-mot-de-passe-2190!";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired IdentityService identityService;
  @Autowired UserLocales locales;
  @Autowired com.kap.rituals.CalendarSubscriptions calendars;
  @Autowired TestRestTemplate rest;
  @LocalServerPort int port;

  @BeforeEach
  void frenchDirectorAndACycle() throws InterruptedException {
    removeUser();
    User user = identityService.newUser(USER);
    user.setFirstName("Dominique");
    user.setLastName("Bernard");
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

  private WebappSession session(String user, String password) {
    WebappSession session = new WebappSession(port);
    assertThat(session.login(user, password, "tasklist")).isEqualTo(200);
    return session;
  }

  /** The page's text with French no-break spaces as plain ones. */
  private static String body(HttpResponse<String> page) {
    return page.body().replace('\u00A0', ' ').replace('\u202F', ' ');
  }

  @Test
  void aFrenchDirectorReadsTheDashboardAndTheProofsInFrenchWithFrenchDates() {
    WebappSession french = session(USER, PASSWORD);
    HttpResponse<String> dashboard = french.page("/kap/dashboard?year=" + YEAR);
    assertThat(dashboard.statusCode()).as(dashboard.body()).isEqualTo(200);
    assertThat(body(dashboard)).contains("<html lang=\"fr\">", "<title>Tableau de bord du programme · KAP</title>",
        "<h1>Tableau de bord du programme <span>" + YEAR + "</span></h1>", "Connecté en tant que <strong>" + USER,
        "Se déconnecter", "Toutes les régions", "Année du cycle", "Plans par segment et par état",
        "Date limite des plans <strong>15/12/" + (YEAR - 1) + "</strong>",
        "date de clôture <strong>31/03/" + YEAR + "</strong>", "Matrice de segmentation",
        "Tenue des rituels par segment", "Besoins de formation", "Santé des comptes", "En rédaction",
        "les plans " + YEAR + " (.xlsx)", "Preuves de succès")
        .containsPattern("<span>0 sur \\d+</span>")
        .doesNotContain("Logged in as", "Plans by segment", "Plan deadline", (YEAR - 1) + "-12-15", "Drafting");

    HttpResponse<String> proofs = french.page("/kap/proofs?year=" + YEAR);
    assertThat(proofs.statusCode()).as(proofs.body()).isEqualTo(200);
    assertThat(body(proofs)).contains("<html lang=\"fr\">", "<h1>Preuves de succès <span>" + YEAR + "</span></h1>",
        "Objectifs de valeur", "Tenue des rituels", "Formations dispensées", "0 plan</strong> approuvé.",
        "pour le comité de pilotage.").doesNotContain("Value objectives", "Ritual compliance", "Logged in as");

    HttpResponse<String> notAYear = french.page("/kap/dashboard?year=abc");
    assertThat(notAYear.statusCode()).isEqualTo(400);
    assertThat(body(notAYear)).contains("« abc » n’est pas une année. Choisissez l’une des années ci-dessous.");
    HttpResponse<String> noRegion = french.page("/kap/dashboard?year=" + YEAR + "&region=Atlantide");
    assertThat(noRegion.statusCode()).isEqualTo(404);
    assertThat(body(noRegion)).contains("Il n’y a pas de région « Atlantide » dans le portefeuille.");

    HttpResponse<String> english = session("diane", "demo").page("/kap/dashboard?year=" + YEAR);
    assertThat(english.body()).as("diane still reads English").contains("<html lang=\"en\">",
        "Logged in as <strong>diane</strong>", "Plan deadline <strong>" + (YEAR - 1) + "-12-15</strong>")
        .doesNotContain("Tableau de bord");
  }

  @Test
  void camilleReadsHerPagesARefusalAndTheErrorPageInFrench() throws Exception {
    assertThat(locales.of("camille")).isEqualTo(Locale.FRENCH);
    WebappSession camille = session("camille", "demo");

    HttpResponse<String> bids = camille.page("/kap/bids");
    assertThat(bids.statusCode()).isEqualTo(200);
    assertThat(body(bids)).contains("<html lang=\"fr\">", "<h1>Mes demandes d&#39;investissement</h1>",
        "Connecté en tant que <strong>camille</strong>").doesNotContain("My bids", "Log out");

    HttpResponse<String> calendar = camille.page("/kap/calendar");
    assertThat(calendar.statusCode()).isEqualTo(200);
    assertThat(body(calendar)).contains("<html lang=\"fr\">", "<h1>Mon calendrier</h1>", "Votre adresse",
        "À partir de l’URL").doesNotContain("Your address");
    calendars.regenerate("camille");
    assertThat(body(camille.page("/kap/calendar"))).as("when her address was made, as every page writes a moment")
        .containsPattern("Créée le</th><td>\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2} \\(UTC\\)</td>");

    HttpResponse<String> accounts = camille.page("/kap/accounts");
    assertThat(accounts.statusCode()).isEqualTo(200);
    assertThat(body(accounts)).contains("<html lang=\"fr\">", "<h1>Mes comptes</h1>", "Vega Motors", "Coral Hotels",
        "2 comptes", "Sponsor exécutif").doesNotContain("Executive sponsor");

    HttpResponse<String> account = camille.page("/kap/accounts/ACC-011");
    assertThat(account.statusCode()).as(account.body()).isEqualTo(200);
    assertThat(body(account)).contains("<html lang=\"fr\">", "<caption>Le compte</caption>", "Historique des segments",
        "Parties prenantes", "Plans de compte", "Rituels de relation", "Demandes d’investissement")
        .containsPattern("Santé du compte \\d{4}").doesNotContain("Segment history", "Account plans");

    HttpResponse<String> refused = camille.page("/kap/dashboard");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(body(refused)).contains("<html lang=\"fr\">",
        "Le tableau de bord du programme sert au directeur du programme");
    HttpResponse<String> notHers = camille.page("/kap/accounts/ACC-003");
    assertThat(notHers.statusCode()).isEqualTo(403);
    assertThat(body(notHers)).contains("Vous n’êtes aucun d’eux pour ACC-003.");

    HttpResponse<String> nothing = camille.page("/kap/nothing-here");
    assertThat(nothing.statusCode()).isEqualTo(404);
    assertThat(body(nothing)).contains("lang=\"fr\"", "Cette page n’existe pas", "Retour à Tasklist");
    HttpResponse<String> outOfDate = camille.postPage("/kap/calendar/revoke", "", "not-the-token");
    assertThat(outOfDate.statusCode()).isEqualTo(403);
    assertThat(body(outOfDate)).contains("Ce formulaire est périmé ou ne vient pas de KAP");

    JsonNode menu = JSON.readTree(camille.pageJson("/kap/links?menu").body());
    assertThat(menu.path("menu").asText()).isEqualTo("Pages KAP");
    assertThat(menu.path("links").findValuesAsText("label")).contains("Mes comptes", "Mon calendrier");
    assertThat(JSON.readTree(camille.pageJson("/kap/links").body()).isArray()).as("as before: a list").isTrue();
    assertThat(JSON.readTree(session("alice", "demo").pageJson("/kap/links?menu").body()).path("menu").asText())
        .isEqualTo("KAP pages");
  }
}
