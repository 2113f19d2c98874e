package com.kap.budget;

import static com.kap.budget.AccountPageYear.YEAR;
import static com.kap.support.CycleForms.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.kap.planning.AccountPlan;
import com.kap.planning.AccountPlans;
import com.kap.planning.CycleCalendar;
import com.kap.rituals.AccountHealth;
import com.kap.planning.ProgrammeDashboard;
import com.kap.portfolio.CycleSegment;
import com.kap.portfolio.Portfolio;
import com.kap.support.Api;
import com.kap.support.KapTest;
import com.kap.support.WebappSession;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An account's page (/kap/accounts/{accountId}) in the webapps' session: Atlas Logistics (ACC-003, alice's, sponsor
 * gilles) gets through the API of 2084 what the page shows: a segment override, two plan versions, a ritual held
 * with minutes and an action, one missed, and a funded bid.
 */
@KapTest
class AccountPageTest {

  private static final String ACCOUNT = "ACC-003";
  private static final String PAGE = "/kap/accounts/" + ACCOUNT;
  private static boolean prepared;
  private static Throwable failedPreparation;
  private static String bidId;

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired ProcessEngineConfigurationImpl engine;
  @Autowired CycleCalendar calendar;
  @Autowired ProgrammeDashboard cycles;
  @Autowired AccountHealth health;
  @Autowired Portfolio portfolio;
  @Autowired AccountPlans plans;
  @LocalServerPort int port;
  Api api;

  @BeforeEach
  void year() throws Exception {
    api = new Api(rest);
    if (failedPreparation != null) {
      throw new AssertionError("the year's data could not be prepared", failedPreparation);
    }
    if (!prepared) {
      try {
        AccountPageYear.cycle(api);
        planRitualsAndBid();
        prepared = true;
      } catch (Exception | AssertionError failed) {
        failedPreparation = failed;
        throw failed;
      }
    }
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void theKamSeesHerAccountItsSegmentsPlanVersionsRitualsAndBids() {
    WebappSession alice = session("alice");
    HttpResponse<String> page = alice.page(PAGE);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    String body = page.body();
    assertThat(body).contains("<h1><span>Atlas Logistics</span> <small>(ACC-003)</small></h1>",
        "<th scope=\"row\">Region</th><td>EMEA</td>", "<th scope=\"row\">KAM</th><td>alice</td>",
        "<th scope=\"row\">Executive sponsor</th><td>gilles</td>");
    assertThat(row(body, "segment-history", String.valueOf(YEAR))).as("the segment history")
        .contains("<td>Strategic</td>", "<td>Star</td>", "to Star by diane: " + AccountPageYear.SEGMENT_REASON);

    assertThat(body).contains("Plan " + YEAR + ": approved (version 2)");
    String versions = table(body, "plan-versions-" + YEAR);
    assertThat(versions).as("the times name the cycle's time zone")
        .contains("<th scope=\"col\">When (" + calendar.properties().timeZone() + ")</th>");
    assertThat(versions).contains("Returned by the quality gate: Add at least one profitability or value objective",
        "Approved by diane on ");
    String changes = table(body, "plan-changes-" + YEAR + "-2");
    assertThat(changes).as("what version 2 changed, in the form's words")
        .contains("What version 2 changed from version 1")
        .contains("<th scope=\"row\">Customer situation</th>", "<td>changed</td>", "<td>Consolidating suppliers</td>",
            "<td>" + AccountPageYear.NEW_SITUATION + "</td>")
        .contains("<th scope=\"row\">Objectives</th>", "<td>Lift margin</td>", "<td>Type changed</td>",
            "<td>Revenue</td>", "<td>Profitability</td>")
        .doesNotContain("customerSituation", "objectives[", "profitability<");
    assertThat(body).doesNotContain("plan-changes-" + YEAR + "-1").as("the first version has nothing before it");
    String pdf = "/kap/exports/accounts/ACC-003/plans/" + YEAR + ".pdf";
    assertThat(body).as("the plan as PDF, for a customer meeting").contains("href=\"" + pdf + "\"");
    HttpResponse<byte[]> download = alice.download(pdf);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(new String(download.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    assertThat(session("bruno").download(pdf).statusCode()).as("another KAM").isEqualTo(403);

    assertThat(section(body, "rituals-" + YEAR)).contains("<strong>1</strong> held, <strong>0</strong> not held,",
        "<strong>1</strong> missed (not recorded in time)");
    String rituals = table(body, "rituals-past-" + YEAR);
    assertThat(row(rituals, null, YEAR + "-03-14")).contains("Internal new-business review",
        "Held, recorded by alice", "alice, gilles", "Pricing reviewed with procurement", "Go for value pricing");
    assertThat(row(rituals, null, YEAR + "-03-16")).contains("Customer business review",
        "Missed: not recorded within the grace period");
    assertThat(table(body, "ritual-actions-" + YEAR)).contains("Send the value pricing proposal", "<td>alice</td>",
        YEAR + "-04-28", "Internal new-business review of " + YEAR + "-03-14").doesNotContain("past due");

    assertThat(bidRow(body)).contains("Innovation lab", "20,000", "Funded", "eric: ", "fatima: ", "Strategic fit 4");
    assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
        policy -> assertThat(policy).contains("default-src 'self'"));
    assertThat(body).doesNotContain("<script");
  }

  @Test
  void thePageShowsTheAccountsHealthOfTheYearWithItsReasonsAndHistory() {
    String body = session("alice").page(PAGE).body();
    LocalDate today = health.today();
    AccountHealth.Health expected = health.healthOf(ACCOUNT, today.getYear());
    String section = section(body, "health");
    assertThat(section).contains("Account health " + today.getYear(),
        "<strong id=\"health-score\">" + expected.score() + " of 100</strong>");
    for (String reason : expected.reasons()) {
      assertThat(section).contains("<li>" + reason + "</li>");
    }
    if (portfolio.segment(today.getYear(), ACCOUNT).isPresent()) {
      assertThat(table(body, "health-history")).as("opening the page stored today's health")
          .contains("<th scope=\"row\">" + expected.history().get(0).date() + "</th>",
              "<td class=\"num\">" + expected.history().get(0).score() + "</td>");
    } else {
      assertThat(expected.history()).as("a year the account is not segmented for stores nothing").isEmpty();
    }
  }

  @Test
  void anotherKamIsRefusedInWordsAndSeesNothingOfTheAccount() {
    HttpResponse<String> page = session("bruno").page(PAGE);
    assertThat(page.statusCode()).isEqualTo(403);
    assertThat(page.body()).contains("An account&#39;s page is for its KAM, its executive sponsor, the programme "
        + "director and the directors. You are none of these for ACC-003.")
        .doesNotContain("Atlas Logistics", "Consolidating suppliers", "Pricing reviewed", "Innovation lab");
    assertThat(session("hana").page(PAGE).statusCode()).as("the training coordinator").isEqualTo(403);
  }

  @Test
  void aDirectorSeesTheAccountAndTheSponsorAllButTheBids() {
    HttpResponse<String> eric = session("eric").page(PAGE);
    assertThat(eric.statusCode()).as(eric.body()).isEqualTo(200);
    assertThat(eric.body()).contains("Atlas Logistics", "What version 2 changed from version 1",
        "Pricing reviewed with procurement");
    assertThat(bidRow(eric.body())).as("the round is published: both scorecards")
        .contains("Funded", "eric: ", "fatima: ", "by alice");

    HttpResponse<String> gilles = session("gilles").page(PAGE);
    assertThat(gilles.statusCode()).as(gilles.body()).isEqualTo(200);
    assertThat(gilles.body()).as("the sponsor reads plans and rituals; bids, as in the API, are not his")
        .contains("What version 2 changed from version 1", "Pricing reviewed with procurement")
        .containsPattern("\\d+ bids? of this account (is|are) not shown to you: a bid is shown to the KAM who made it")
        .doesNotContain("Innovation lab", "Strategic fit 4");
    assertThat(api.get("gilles", "/api/budget/bids/" + bidId, String.class).getStatusCode())
        .as("the API refuses him the bid too").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(session("gilles").page("/kap/accounts/ACC-009").statusCode())
        .as("an account he does not sponsor").isEqualTo(403);
  }

  @Test
  void anUnknownAccountIsNotFoundInWords() {
    HttpResponse<String> page = session("diane").page("/kap/accounts/ACC-999");
    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.body()).contains("There is no account &quot;ACC-999&quot; in the portfolio.");
  }

  @Test
  void theListsLeadToTheAccountPage() {
    HttpResponse<String> mine = session("alice").page("/kap/accounts");
    assertThat(mine.statusCode()).isEqualTo(200);
    assertThat(mine.body()).contains("<h1>My accounts</h1>", "href=\"/kap/accounts/ACC-003\">Atlas Logistics</a>",
        "Zenith Bank").doesNotContain("Orion Retail");
    HttpResponse<String> emea = session("diane").page("/kap/accounts?region=EMEA");
    assertThat(emea.body()).contains("<h1>Accounts</h1>", "Atlas Logistics").doesNotContain("Orion Retail");
    assertThat(session("diane").page("/kap/accounts?q=orion").body()).contains("1 account", "Orion Retail")
        .doesNotContain("Atlas Logistics");
    assertThat(session("hana").page("/kap/accounts").statusCode()).isEqualTo(403);

    HttpResponse<String> unknown = session("diane").page("/kap/accounts?region=XYZ");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("There is no region &quot;XYZ&quot; in the portfolio. Pick one of ",
        "EMEA", ", or all regions.").doesNotContain("No account matches.");

    HttpResponse<String> bids = session("alice").page("/kap/bids");
    assertThat(bids.body()).as("My bids links the account")
        .contains("href=\"/kap/accounts/ACC-003\">Atlas Logistics</a>");
  }

  @Test
  void theListShowsEachAccountsSegmentAndPlanOfTheLatestYear() {
    // other test classes of the JVM may have started later years: the list shows the latest, whichever it is
    int latest = cycles.years().get(0);
    HttpResponse<String> list = session("diane").page("/kap/accounts?q=ACC-003");
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    String accounts = table(list.body(), "accounts");
    assertThat(accounts).contains("<th scope=\"col\">Segment " + latest + "</th>",
        "<th scope=\"col\">Plan " + latest + "</th>", "with their segment and plan of " + latest + "</caption>");
    String segment = portfolio.segment(latest, ACCOUNT).map(CycleSegment::segment).map(s -> s.label())
        .orElse("not segmented");
    String plan = plans.plan(latest, ACCOUNT).map(AccountPlan::status).map(status -> switch (status) {
      case DRAFTING -> "Drafting";
      case IN_REVIEW -> "In review";
      case APPROVED -> "Approved";
      case CLOSED -> "Closed unapproved";
    }).orElse("no plan");
    if (latest == YEAR) {
      assertThat(segment).as("diane's override of " + YEAR).isEqualTo("Star");
      assertThat(plan).isEqualTo("Approved");
    }
    assertThat(row(accounts, null, "<a href=\"/kap/accounts/ACC-003\">Atlas Logistics</a>"))
        .contains("<td>" + segment + "</td><td>" + plan + "</td>");
    assertThat(session("alice").page("/kap/accounts").body()).as("a KAM sees them too")
        .contains("<th scope=\"col\">Segment " + latest + "</th>");
  }

  /** A plan of two versions, approved; a ritual held and one missed; a bid funded: all as the users do it. */
  private void planRitualsAndBid() throws Exception {
    AccountPageYear.draftTwoVersions(api, "alice", ACCOUNT);
    JsonNode approval = api.awaitTask("diane", "taskDefinitionKey=approveAccountPlan&processInstanceBusinessKey="
        + YEAR + "-" + ACCOUNT);
    assertThat(AccountPageYear.submit(api, "diane", approval, "\"decision\":{\"value\":\"approve\"}").getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    // the approval starts the ritual plan: alice proposes two rituals, diane validates them
    String ritualPlan = "processInstanceBusinessKey=" + YEAR + "-" + ACCOUNT;
    JsonNode proposal = api.awaitTask("alice", "taskDefinitionKey=proposeRitualCalendar&" + ritualPlan);
    assertThat(AccountPageYear.submit(api, "alice", proposal, json("rituals",
        "[{\"ritualType\":\"internalReview\",\"date\":\"" + YEAR + "-03-14\"},"
            + "{\"ritualType\":\"customerBusinessReview\",\"date\":\"" + YEAR + "-03-16\","
            + "\"customerParticipants\":\"Head of procurement\"}]")
        + ",\"justification\":{\"value\":\"The merger freezes the calendar until the spring\"}").getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    JsonNode validation = api.awaitTask("diane", "taskDefinitionKey=validateRitualCalendar&" + ritualPlan);
    assertThat(AccountPageYear.submit(api, "diane", validation, "\"calendarDecision\":{\"value\":\"validate\"}")
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    String instance = await("the ritual plan").atMost(Duration.ofSeconds(60))
        .until(this::ritualPlanInstance, java.util.Objects::nonNull);
    String firstDay = await("the ritual plan's timer").atMost(Duration.ofSeconds(60))
        .until(() -> jobs(instance, "nextRitualDay"), found -> found.size() == 1).get(0);

    // the internal review's day comes; alice records it as held on that day, with minutes and an action
    execute(firstDay);
    JsonNode review = api.awaitTask("alice", "taskDefinitionKey=holdRitual&processInstanceId=" + instance);
    engine.getJobExecutor().shutdown(); // in 2084 every timer of the years before would be due
    try {
      ClockUtil.setCurrentTime(Date.from(Instant.parse(YEAR + "-03-14T17:00:00Z")));
      assertThat(AccountPageYear.submit(api, "alice", review, "\"held\":{\"value\":\"yes\"},"
          + "\"heldDate\":{\"value\":\"" + YEAR + "-03-14\"},\"attendees\":{\"value\":\"alice, gilles\"},"
          + "\"minutes\":{\"value\":\"Pricing reviewed with procurement\"},"
          + "\"decisions\":{\"value\":\"Go for value pricing\"},"
          + json("actions", "[{\"action\":\"Send the value pricing proposal\",\"owner\":\"alice\","
              + "\"dueDate\":\"" + YEAR + "-04-28\"}]")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    } finally {
      ClockUtil.reset();
      engine.getJobExecutor().start();
    }

    // the business review's day comes and goes unrecorded: after the grace period it counts as missed
    execute(await("the plan's timer for its next day").atMost(Duration.ofSeconds(60))
        .until(() -> jobs(instance, "nextRitualDay"), found -> found.size() == 1 && !found.contains(firstDay)).get(0));
    api.awaitTask("alice", "taskDefinitionKey=holdRitual&processInstanceId=" + instance);
    execute(await("the grace period's timer").atMost(Duration.ofSeconds(60))
        .until(() -> jobs(instance, "gracePeriodPassed"), found -> !found.isEmpty()).get(0));
    await("the missed ritual").atMost(Duration.ofSeconds(60)).until(() -> api.get("alice",
        "/api/accounts/" + ACCOUNT + "/rituals/" + YEAR, JsonNode.class).getBody().findValuesAsText("status")
        .contains("MISSED"));

    // a budget round of 2084: alice's bid is scored and funded
    jdbc.update("delete from kap_open_round");
    try {
      JsonNode round = api.postJson("diane", "/engine-rest/process-definition/key/budgetRound/submit-form",
          BudgetForms.round("EMEA " + YEAR, "EMEA", YEAR), JsonNode.class).getBody();
      JsonNode bid = api.postJson("alice", "/engine-rest/process-definition/key/investmentBid/submit-form",
          BudgetForms.bid(ACCOUNT, 20_000), JsonNode.class).getBody();
      bidId = bid.get("businessKey").asText();
      execute(api.get("admin", "/engine-rest/job?maxResults=10&timers=true&processInstanceId="
          + round.get("id").asText(), JsonNode.class).getBody().get(0).get("id").asText());
      for (String member : List.of("eric", "fatima")) {
        JsonNode task = api.awaitTask(member, "taskDefinitionKey=scoreBid&assignee=" + member
            + "&processInstanceBusinessKey=" + bidId);
        assertThat(api.postJson(member, "/engine-rest/task/" + task.get("id").asText() + "/submit-form",
            BudgetForms.scores(4), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
      }
      JsonNode decide = api.awaitTask("fatima", "taskDefinitionKey=decideAllocation&processInstanceBusinessKey="
          + round.get("businessKey").asText());
      assertThat(AccountPageYear.submit(api, "fatima", decide, "\"decision\":{\"value\":\"accept\"}").getStatusCode())
          .isEqualTo(HttpStatus.NO_CONTENT);
      await(bidId + " funded").atMost(Duration.ofSeconds(60)).until(() -> "FUNDED".equals(
          api.get("alice", "/api/budget/bids/" + bidId, JsonNode.class).getBody().path("status").asText()));
    } finally {
      jdbc.update("delete from kap_open_round");
    }
  }

  private String ritualPlanInstance() {
    JsonNode found = api.get("admin", "/engine-rest/process-instance?maxResults=10&processDefinitionKey=ritualPlan&businessKey="
        + YEAR + "-" + ACCOUNT, JsonNode.class).getBody();
    return found.isEmpty() ? null : found.get(0).get("id").asText();
  }

  /** The instance's timer jobs of the activity, earliest first. */
  private List<String> jobs(String instance, String activityId) {
    List<String> ids = new ArrayList<>();
    api.get("admin", "/engine-rest/job?maxResults=100&timers=true&sortBy=jobDueDate&sortOrder=asc&activityId="
        + activityId + "&processInstanceId=" + instance, JsonNode.class).getBody()
        .forEach(job -> ids.add(job.get("id").asText()));
    return ids;
  }

  private void execute(String jobId) {
    assertThat(api.postJson("admin", "/engine-rest/job/" + jobId + "/execute", "", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
  }

  private WebappSession session(String user) {
    WebappSession session = new WebappSession(port);
    assertThat(session.login(user, "demo", "tasklist")).isEqualTo(200);
    return session;
  }

  /** The row of the account's bids of the 2084 round (other tests of the JVM bid for the account in their years). */
  private static String bidRow(String body) {
    for (String row : table(body, "account-bids").split("<tr>")) {
      if (row.contains("EMEA " + YEAR)) {
        return row;
      }
    }
    throw new AssertionError("no bid of round EMEA " + YEAR + " on the page");
  }

  /** The HTML of the section with the id. */
  private static String section(String body, String id) {
    int at = body.indexOf(" id=\"" + id + "\"");
    assertThat(at).as("section " + id).isNotNegative();
    int start = body.lastIndexOf("<section", at);
    return body.substring(start, body.indexOf("</section>", start));
  }

  /** The HTML of the table with the id. */
  private static String table(String body, String id) {
    int at = body.indexOf(" id=\"" + id + "\"");
    assertThat(at).as("table " + id).isNotNegative();
    int start = body.lastIndexOf("<table", at);
    return body.substring(start, body.indexOf("</table>", start));
  }

  /** The HTML of the row of the table (the whole text when null) whose header cell is the text given. */
  private static String row(String html, String tableId, String header) {
    String in = tableId == null ? html : table(html, tableId);
    Matcher row = Pattern.compile("<tr>\\s*<th scope=\"row\">" + Pattern.quote(header) + "</th>(.*?)</tr>",
        Pattern.DOTALL).matcher(in);
    assertThat(row.find()).as("a row " + header).isTrue();
    return row.group(1);
  }
}
