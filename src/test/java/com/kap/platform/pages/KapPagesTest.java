package com.kap.platform.pages;

import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kap.platform.identity.Roles;
import com.kap.portfolio.CycleSegment;
import com.kap.portfolio.Portfolio;
import com.kap.rituals.AccountHealth;
import com.kap.support.Api;
import com.kap.support.CycleForms;
import com.kap.support.KapTest;
import com.kap.support.WebappSession;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * KAP's pages under /kap/ use the webapps' login and their CSRF token, and show each user only what their role may
 * see.
 */
@KapTest
class KapPagesTest {

  private static final int YEAR = 2050;
  private static boolean cycleStarted;

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired Portfolio portfolio;
  @Autowired AccountHealth health;
  @LocalServerPort int port;

  @BeforeAll
  static void reset() {
    cycleStarted = false;
  }

  /** The year's cycle, started once, its portfolio segmented (the validation task is there). */
  private void cycle() throws InterruptedException {
    if (!cycleStarted) {
      Api api = new Api(rest);
      String started = api.postJson("diane", "/engine-rest/process-definition/key/annualPlanningCycle/submit-form",
          CycleForms.startForm(YEAR), com.fasterxml.jackson.databind.JsonNode.class).getBody().get("id").asText();
      // the segmentation runs in a job after the start: a page read before it would show no account (CI met it)
      api.awaitTask("diane", "processInstanceId=" + started);
      cycleStarted = true;
    }
  }

  @Test
  void nobodyLoggedInIsSentToTasklistsLoginAndHttpBasicIsNotALogin() {
    WebappSession anonymous = new WebappSession(port);
    HttpResponse<String> page = anonymous.page("/kap/dashboard");
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location")).hasValueSatisfying(
        location -> assertThat(location).endsWith("/camunda/app/tasklist/default/?kap-page=%2Fkap%2Fdashboard"));
    assertThat(anonymous.page("/kap/dashboard?year=2050&region=EMEA").headers().firstValue("Location"))
        .as("Tasklist brings the user back to the page once logged in")
        .hasValueSatisfying(location -> assertThat(location)
            .endsWith("/camunda/app/tasklist/default/?kap-page=%2Fkap%2Fdashboard%3Fyear%3D2050%26region%3DEMEA"));
    assertThat(rest.withBasicAuth("diane", "demo").getForEntity("/kap/dashboard", String.class).getBody())
        .doesNotContain("Programme dashboard 20");
  }

  @Test
  void theProgrammeDirectorSeesTheYearsFiguresInTheSessionOfHerTasklistLogin() throws Exception {
    cycle();
    WebappSession diane = new WebappSession(port);
    assertThat(diane.login("diane", "demo", "tasklist")).isEqualTo(200);
    HttpResponse<String> page = diane.page("/kap/dashboard?year=" + YEAR);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(page.body()).contains("Programme dashboard <span>" + YEAR + "</span>", "Plans by segment and status",
        "Strategic", "Streamline", "Ritual compliance by segment", "Ritual compliance by KAM", "Logged in as <strong>diane</strong>",
        "Segmentation matrix", "Training needs");
    assertThat(page.body()).as("before its deadline no plan is overdue")
        .contains("No plan is overdue yet: the plan deadline,").doesNotContain("Overdue plans (the deadline has passed)");
    assertThat(page.body()).as("the share approved in words beside its bar").containsPattern("<span>0 of \\d+</span>")
        .contains("— (no plan approved yet)");
    assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
        policy -> assertThat(policy).contains("default-src 'self'"));

    HttpResponse<String> unknownYear = diane.page("/kap/dashboard?year=1999");
    assertThat(unknownYear.statusCode()).isEqualTo(404);
    assertThat(unknownYear.body()).contains("There is no planning cycle for 1999");
    HttpResponse<String> notAYear = diane.page("/kap/dashboard?year=abc");
    assertThat(notAYear.statusCode()).isEqualTo(400);
    assertThat(notAYear.body()).contains("is not a year. Pick one of the years below.").doesNotContain("{");
  }

  @Test
  void anExecutiveSponsorSeesOnlyTheAccountsHeSponsorsAndARegionNarrowsTheFigures() throws Exception {
    cycle();
    await().atMost(Duration.ofSeconds(60)).until(() -> portfolio.segmentCount(YEAR) > 0);
    Set<String> segmented = portfolio.segments(YEAR).stream().map(CycleSegment::accountId).collect(toSet());
    long sponsored = portfolio.accounts().stream()
        .filter(account -> "gilles".equals(account.sponsor()) && segmented.contains(account.accountId())).count();
    long emea = portfolio.accounts().stream()
        .filter(account -> "EMEA".equals(account.region()) && segmented.contains(account.accountId())).count();
    assertThat(sponsored).as("the demo's sponsored accounts").isBetween(1L, segmented.size() - 1L);

    WebappSession gilles = new WebappSession(port);
    gilles.login("gilles", "demo", "tasklist");
    assertThat(new ObjectMapper().readTree(gilles.pageJson("/kap/links").body()).findValuesAsText("path"))
        .as("a sponsor's pages").contains("/kap/dashboard");
    HttpResponse<String> page = gilles.page("/kap/dashboard?year=" + YEAR);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(page.body()).contains("the accounts you sponsor")
        .containsPattern("Accounts in the cycle</th><td>" + sponsored + "</td>")
        .contains("Approvals over time", "No plan is approved yet", "id=\"budget-not-for-sponsors\"")
        .doesNotContain("budget-by-region");

    WebappSession diane = new WebappSession(port);
    diane.login("diane", "demo", "tasklist");
    HttpResponse<String> whole = diane.page("/kap/dashboard?year=" + YEAR);
    assertThat(whole.body()).containsPattern("Accounts in the cycle</th><td>" + segmented.size() + "</td>")
        .doesNotContain("id=\"dashboard-scope\"").contains("<option value=\"EMEA\">EMEA</option>");
    HttpResponse<String> region = diane.page("/kap/dashboard?year=" + YEAR + "&region=EMEA");
    assertThat(region.body()).contains("the accounts of region EMEA")
        .containsPattern("Accounts in the cycle</th><td>" + emea + "</td>")
        .contains("<option value=\"EMEA\" selected=\"selected\">EMEA</option>");
    HttpResponse<String> noRegion = diane.page("/kap/dashboard?year=" + YEAR + "&region=Atlantis");
    assertThat(noRegion.statusCode()).isEqualTo(404);
    assertThat(noRegion.body()).contains("There is no region &quot;Atlantis&quot; in the portfolio");
  }

  @Test
  void theDashboardShowsTheLatestStoredHealthBySegmentAndTheLeastHealthyAccounts() throws Exception {
    cycle();
    await().atMost(Duration.ofSeconds(60)).until(() -> portfolio.segmentCount(YEAR) > 0);
    health.storeAll(YEAR); // the daily job's work: the page reads what is stored, never computes
    int stored = health.latestOf(YEAR).size();
    assertThat(stored).isEqualTo(portfolio.segmentCount(YEAR));

    WebappSession diane = new WebappSession(port);
    diane.login("diane", "demo", "tasklist");
    String whole = diane.page("/kap/dashboard?year=" + YEAR).body();
    assertThat(whole).contains("<h2 id=\"health-heading\">Account health</h2>", "Account health by segment")
        .doesNotContain("id=\"no-health-yet\"");
    String least = table(whole, "least-healthy");
    assertThat(least).contains("The " + Math.min(20, stored) + " least healthy accounts");
    assertThat(least.split("<tr>").length - 2).as("rows under the header").isEqualTo(Math.min(20, stored));

    WebappSession gilles = new WebappSession(port);
    gilles.login("gilles", "demo", "tasklist");
    String sponsored = table(gilles.page("/kap/dashboard?year=" + YEAR).body(), "least-healthy");
    assertThat(sponsored).as("a sponsor sees only his accounts").contains("Atlas Logistics")
        .doesNotContain("Orion Retail", "Sierra Foods");
  }

  private static String table(String body, String id) {
    int at = body.indexOf(" id=\"" + id + "\"");
    assertThat(at).as("table " + id).isNotNegative();
    int start = body.lastIndexOf("<table", at);
    return body.substring(start, body.indexOf("</table>", start));
  }

  @Test
  void aKamIsRefusedTheDashboardAndTasklistLinksHerOnlyToHerBids() throws Exception {
    WebappSession alice = new WebappSession(port);
    alice.login("alice", "demo", "tasklist");
    HttpResponse<String> page = alice.page("/kap/dashboard");
    assertThat(page.statusCode()).isEqualTo(403);
    assertThat(page.body()).contains("The programme dashboard is for the programme director, the directors and the executive sponsors")
        .doesNotContain("Plans by segment and status");
    assertThat(new ObjectMapper().readTree(alice.pageJson("/kap/links").body()).findValuesAsText("path"))
        .as("a KAM's pages").containsExactlyInAnyOrder("/kap/bids", "/kap/calendar", "/kap/accounts",
            "/kap/settings");

    WebappSession fatima = new WebappSession(port);
    fatima.login("fatima", "demo", "tasklist");
    JsonNode links = new ObjectMapper().readTree(fatima.pageJson("/kap/links").body());
    assertThat(links.findValuesAsText("path")).containsExactlyInAnyOrder("/kap/dashboard", "/kap/proofs",
        "/kap/accounts", "/kap/settings");
    assertThat(links.findValuesAsText("label")).as("a director's list is the whole portfolio").contains("Accounts")
        .doesNotContain("My accounts");
  }

  @Test
  void myBidsIsAKamsPageAndTasklistLinksItForKamsOnly() throws Exception {
    WebappSession bruno = new WebappSession(port);
    bruno.login("bruno", "demo", "tasklist");
    HttpResponse<String> page = bruno.page("/kap/bids");
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(page.body()).contains("<h1>My bids</h1>");
    assertThat(new ObjectMapper().readTree(bruno.pageJson("/kap/links").body()).findValuesAsText("path"))
        .containsExactlyInAnyOrder("/kap/bids", "/kap/calendar", "/kap/accounts", "/kap/settings");

    WebappSession fatima = new WebappSession(port);
    fatima.login("fatima", "demo", "tasklist");
    HttpResponse<String> refused = fatima.page("/kap/bids");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("own investment bids; you are not a KAM");
  }

  @Test
  void aRoleTakenAwayEndsTheRightToThePageOnceTheLoginIsRevalidated() throws Exception {
    User user = identityService.newUser("pagesdirector");
    user.setPassword("pages-test-secret");
    identityService.saveUser(user);
    identityService.createMembership("pagesdirector", Roles.DIRECTOR);
    try {
      cycle();
      WebappSession director = new WebappSession(port);
      assertThat(director.login("pagesdirector", "pages-test-secret", "tasklist")).isEqualTo(200);
      assertThat(director.page("/kap/dashboard?year=" + YEAR).statusCode()).isEqualTo(200);

      identityService.deleteMembership("pagesdirector", Roles.DIRECTOR);
      ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(6))));
      assertThat(director.page("/kap/dashboard?year=" + YEAR).statusCode())
          .as("the group left the session's login when the webapps' cache time had passed").isEqualTo(403);
    } finally {
      ClockUtil.reset();
      identityService.deleteUser("pagesdirector");
    }
  }

  @Test
  void theDashboardsDownloadsComeInTheSessionOfTheLoginAndFollowTheExportsRights() throws Exception {
    cycle();
    WebappSession diane = new WebappSession(port);
    diane.login("diane", "demo", "tasklist");
    String page = diane.page("/kap/dashboard?year=" + YEAR).body();
    assertThat(page).contains("href=\"/kap/exports/programme/" + YEAR + "/plans.xlsx\"",
        "href=\"/kap/exports/portfolio/segmentation.xlsx?year=" + YEAR + "\"");
    HttpResponse<byte[]> plans = diane.download("/kap/exports/programme/" + YEAR + "/plans.xlsx");
    assertThat(plans.statusCode()).isEqualTo(200);
    assertThat(plans.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(plans.body()))) {
      assertThat(workbook.getSheetAt(0).getPhysicalNumberOfRows()).as("a header and the cycle's accounts")
          .isGreaterThan(1);
    }

    WebappSession gilles = new WebappSession(port);
    gilles.login("gilles", "demo", "tasklist");
    assertThat(gilles.page("/kap/dashboard?year=" + YEAR).body()).as("a sponsor may not have the programme's plans")
        .doesNotContain("plans.xlsx").contains("segmentation.xlsx");
    assertThat(gilles.download("/kap/exports/programme/" + YEAR + "/plans.xlsx").statusCode()).isEqualTo(403);
    assertThat(new WebappSession(port).download("/kap/exports/programme/" + YEAR + "/plans.xlsx").statusCode())
        .as("no login: to Tasklist's login").isEqualTo(302);
  }

  @Test
  void logOutOnAPageEndsTheWebappsLoginToo() {
    WebappSession diane = new WebappSession(port);
    diane.login("diane", "demo", "tasklist");
    assertThat(diane.pageJson("/kap/links").statusCode()).isEqualTo(200);
    assertThat(diane.postPage("/kap/logout", "", null).statusCode()).as("without the CSRF token").isEqualTo(403);
    assertThat(diane.get("/api/admin/auth/user/default").statusCode()).as("still logged in").isEqualTo(200);

    HttpResponse<String> out = diane.postPage("/kap/logout", "", diane.xsrfToken());
    assertThat(out.statusCode()).isEqualTo(302);
    assertThat(out.headers().firstValue("Location")).hasValueSatisfying(
        location -> assertThat(location).endsWith("/camunda/app/tasklist/default/"));
    assertThat(diane.page("/kap/dashboard").statusCode()).as("the pages ask for a login again").isEqualTo(302);
    assertThat(diane.get("/api/admin/auth/user/default").statusCode()).as("Tasklist's login ended too")
        .isNotEqualTo(200);
  }

  @Test
  void aChangeWithoutTheSessionsCsrfTokenIsRefused() {
    WebappSession diane = new WebappSession(port);
    diane.login("diane", "demo", "tasklist");
    HttpResponse<String> forged = diane.postPage("/kap/dashboard", "year=2050", null);
    assertThat(forged.statusCode()).isEqualTo(403);
    HttpResponse<String> wrong = diane.postPage("/kap/dashboard", "year=2050", "not-the-token");
    assertThat(wrong.statusCode()).isEqualTo(403);
    // with the token the request passes the check (and the page answers that it only shows)
    HttpResponse<String> sent = diane.postPage("/kap/dashboard", "year=2050", diane.xsrfToken());
    assertThat(sent.statusCode()).isEqualTo(405);
  }
}
