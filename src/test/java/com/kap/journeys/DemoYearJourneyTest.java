package com.kap.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.kap.support.Api;
import com.kap.support.Browser;
import com.kap.support.KapTest;
import com.kap.support.TasklistForm;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A demo year through the real Tasklist, one person at a time, as the README's guided demo walks it: each logs in
 * through the login page, picks a filter and a task card (or "Start process"), fills the form by typing and clicking,
 * and completes it; the outcome is then read through KAP's API. Screenshots of every step go to target/browser/.
 * The steps run in order and build on each other, like the year they walk through.
 */
@KapTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoYearJourneyTest {

  private static final int YEAR = 2047;
  private static final String ATLAS = "ACC-003"; // Atlas Logistics: Strategic, KAM alice, sponsor gilles


  @Autowired TestRestTemplate rest;
  @LocalServerPort int port;

  /** The year builds on each step: after a failed one, the rest are skipped, not failed again. */
  private static boolean stepFailed;

  @RegisterExtension
  static final TestWatcher STEPS = new TestWatcher() {
    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
      stepFailed = true;
    }
  };

  @BeforeEach
  void onlyAfterTheStepsBefore() {
    Assumptions.assumeFalse(stepFailed, "an earlier step of the year failed");
  }

  @Test
  @Order(1)
  void dianeStartsTheCycleAndValidatesTheSegmentationWithAnOverride() throws Exception {
    try (Browser browser = new Browser(port)) {
      browser.logIntoTasklist("diane", "demo");
      browser.startProcess("Annual planning cycle");
      new TasklistForm(browser).type("Cycle year", String.valueOf(YEAR))
          .date("Plan deadline", LocalDate.of(YEAR - 1, 12, 15))
          .date("Closing date (after the deadline)", LocalDate.of(YEAR, 3, 31));
      browser.screenshot("year-01-diane-starts-the-cycle");
      browser.clickStart();

      browser.pickTask("My tasks", "Validate segmentation", String.valueOf(YEAR));
      browser.waitForText("Segmentation " + YEAR);
      TasklistForm override = new TasklistForm(browser).addRow("Overrides");
      override.pick("Account", "ACC-024").pick("New segment", "Status")
          .type("Reason", "New owners since June: a relationship to rebuild first");
      browser.screenshot("year-02-diane-validates-with-an-override");
      browser.clickComplete();
    }
    // Tundra Outdoor's plan is drafted as a Status account: its task card says so
    Api api = new Api(rest);
    String draft = "taskDefinitionKey=draftAccountPlan&processInstanceBusinessKey=" + YEAR + "-ACC-024";
    awaitTask(api, "alice", draft);
    String taskId = api.tasks("alice", draft).get(0).get("id").asText();
    assertThat(api.get("alice", "/engine-rest/task/" + taskId + "/variables/segment", JsonNode.class).getBody()
        .get("value").asText()).isEqualTo("Status");
  }

  @Test
  @Order(2)
  void aliceDraftsAFullPlanIsRefusedByTheQualityGateAndFixesIt() throws Exception {
    Api api = new Api(rest);
    awaitTask(api, "alice", "taskDefinitionKey=draftAccountPlan&processInstanceBusinessKey=" + YEAR + "-" + ATLAS);
    try (Browser browser = new Browser(port)) {
      browser.logIntoTasklist("alice", "demo");
      browser.pickTask("Plans to draft", "Draft account plan", "Atlas Logistics", String.valueOf(YEAR));
      browser.waitForText("Atlas Logistics — account plan " + YEAR);
      TasklistForm plan = new TasklistForm(browser);
      plan.type("Customer situation", "Consolidating to two logistics suppliers by 2028")
          .type("Customer strategy", "Outcome-based contracts, fewer and deeper partners")
          .type("Our position: strengths", "On-time delivery 98 %, shared forecasting")
          .type("Our position: vulnerabilities", "Price 6 % above the cheapest bidder")
          .type("Strategies", "Sell the cost of a late delivery, not the price per pallet")
          .type("Sponsor touchpoints", "Quarterly top-to-top with their COO");
      plan.firstRow("Objectives").pick("Type", "Revenue").type("Objective", "Grow the contract")
          .type("Metric", "Annual revenue").type("Baseline", "4.1 M").type("Target", "4.8 M")
          .date("Due date", LocalDate.of(YEAR, 12, 31));
      String[] actions = {"Map the buying centre", "Co-design the forecast", "Cost-of-delay study",
          "Executive briefing", "Pilot the shared dashboard", "Quarterly value review"};
      for (int i = 0; i < actions.length; i++) {
        TasklistForm row = i == 0 ? plan.firstRow("Action plan") : plan.addRow("Action plan");
        row.type("Action", actions[i]).type("Owner", "alice").date("Due date", LocalDate.of(YEAR, 2 + i, 15));
      }
      plan.firstRow("Risks").type("Risk", "A competitor's price cut").pick("Likelihood", "Medium")
          .type("Mitigation", "Lock the value in the contract");
      plan.firstRow("Training needs").pick("For whom", "KAM").type("Need", "Value selling to procurement");
      browser.screenshot("year-03-alice-drafts-a-full-plan");
      browser.clickComplete();

      // the quality gate sends the plan back: revenue alone is not a plan
      browser.driver().navigate().refresh();
      browser.pickTask("Plans to draft", "Draft account plan", "Atlas Logistics", String.valueOf(YEAR));
      browser.waitForText("The plan did not pass the quality check");
      browser.waitForText("revenue alone is not a plan");
      browser.screenshot("year-04-alice-is-refused-by-the-quality-gate");
      assertThat(plan.rows("Action plan")).as("every action kept").isEqualTo(6);
      plan.row("Objectives", 1).pick("Type", "Profitability");
      browser.clickComplete();
    }
    JsonNode plan = await(() -> {
      JsonNode read = api.get("alice", "/api/accounts/" + ATLAS + "/plans/" + YEAR, JsonNode.class).getBody();
      return read != null && "IN_REVIEW".equals(read.path("status").asText()) ? read : null;
    }, "the plan in review");
    JsonNode submitted = plan.get("versions").get(plan.get("versions").size() - 1);
    assertThat(submitted.get("qualityPassed").asBoolean()).isTrue();
    assertThat(submitted.get("content").get("actions")).hasSize(6);
    assertThat(submitted.get("content").get("objectives").get(0).get("type").asText()).isEqualTo("profitability");
  }

  @Test
  @Order(3)
  void gillesReviewsAsSponsorDianeSendsItBackThenApproves() throws Exception {
    Api api = new Api(rest);
    sponsorReview(api, "year-05-gilles-reviews-as-sponsor");
    try (Browser browser = new Browser(port)) {
      browser.logIntoTasklist("diane", "demo");
      browser.pickTask("Plans to approve", "Approve account plan", "Atlas Logistics", String.valueOf(YEAR));
      browser.waitForText("Approve plan: Atlas Logistics");
      TasklistForm approval = new TasklistForm(browser).choose("Send back to the KAM");
      // sent back without a comment: refused by the server, in words, with the buttons still in reach
      browser.clickComplete();
      browser.waitForText("Comments for the KAM: is required when the plan is sent back");
      browser.screenshot("year-06-diane-is-told-what-is-missing");
      assertThat(browser.pageText()).doesNotContain("approveAccountPlan", "Exception", "accountPlan:");
      assertThat(browser.isUncovered(By.xpath("//button[normalize-space()='Complete']")))
          .as("the Complete button is not covered by the message").isTrue();
      approval.type("Comments for the KAM", "Name the buying centre's decision maker in the first action");
      browser.screenshot("year-06-diane-sends-the-plan-back");
      browser.clickComplete();
    }
    try (Browser browser = new Browser(port)) {
      browser.logIntoTasklist("alice", "demo");
      browser.pickTask("Plans to draft", "Draft account plan", "Atlas Logistics", String.valueOf(YEAR));
      browser.waitForText("The programme director sent the plan back");
      new TasklistForm(browser).row("Action plan", 1).type("Action", "Meet the COO, the decision maker");
      browser.screenshot("year-07-alice-revises-the-plan");
      browser.clickComplete();
    }
    sponsorReview(api, "year-08-gilles-reviews-again");
    try (Browser browser = new Browser(port)) {
      browser.logIntoTasklist("diane", "demo");
      browser.pickTask("Plans to approve", "Approve account plan", "Atlas Logistics", String.valueOf(YEAR));
      browser.waitForText("Meet the COO, the decision maker");
      new TasklistForm(browser).choose("Approve the plan");
      browser.screenshot("year-09-diane-approves");
      browser.clickComplete();
    }
    await(() -> "APPROVED".equals(api.get("alice", "/api/accounts/" + ATLAS + "/plans/" + YEAR, JsonNode.class)
        .getBody().path("status").asText()) ? true : null, "the approved plan");
  }

  @Test
  @Order(4)
  void aliceProposesTheRitualCalendarKeepingEveryRitualAndDianeValidatesIt() throws Exception {
    Api api = new Api(rest);
    awaitTask(api, "alice", "taskDefinitionKey=proposeRitualCalendar&processInstanceBusinessKey=" + YEAR + "-"
        + ATLAS);
    try (Browser browser = new Browser(port)) {
      browser.logIntoTasklist("alice", "demo");
      browser.pickTask("Rituals to hold", "Propose ritual calendar", "Atlas Logistics", String.valueOf(YEAR));
      browser.waitForText("Ritual calendar " + YEAR);
      List<WebElement> participants = browser.driver().findElements(By.xpath("//*[contains(@class,"
          + "'fjs-form-field-textfield')][.//label[normalize-space()='Customer participants']]//input"));
      assertThat(participants).as("the Strategic cadence's rituals").hasSize(50);
      for (WebElement field : participants) {
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'});", field);
        field.sendKeys("COO, head of logistics");
      }
      browser.screenshot("year-10-alice-proposes-the-calendar");
      browser.clickComplete();
    }
    try (Browser browser = new Browser(port)) {
      browser.logIntoTasklist("diane", "demo");
      browser.pickTask("Ritual calendars to validate", "Validate ritual calendar", "Atlas Logistics", String.valueOf(YEAR));
      new TasklistForm(browser).choose("Validate the calendar");
      browser.screenshot("year-11-diane-validates-the-calendar");
      browser.clickComplete();
    }
    JsonNode rituals = await(() -> {
      JsonNode read = api.get("alice", "/api/accounts/" + ATLAS + "/rituals/" + YEAR, JsonNode.class).getBody();
      return read != null && read.path("occurrences").size() == 50 ? read : null;
    }, "50 planned rituals");
    assertThat(rituals.get("occurrences").findValuesAsText("status")).containsOnly("PLANNED");
  }

  private void sponsorReview(Api api, String screenshot) throws Exception {
    awaitTask(api, "gilles", "taskDefinitionKey=reviewPlanAsSponsor&processInstanceBusinessKey=" + YEAR + "-"
        + ATLAS);
    try (Browser browser = new Browser(port)) {
      browser.logIntoTasklist("gilles", "demo");
      browser.pickTask("Plans to review as sponsor", "Review plan as sponsor", "Atlas Logistics", String.valueOf(YEAR));
      new TasklistForm(browser).type("Your comments on the plan", "Sound; the cost-of-delay study is the lever")
          .type("Touchpoints you commit to", "Top-to-top with their COO in March");
      browser.screenshot(screenshot);
      browser.clickComplete();
    }
    awaitNoTask(api, "gilles", "taskDefinitionKey=reviewPlanAsSponsor&processInstanceBusinessKey=" + YEAR + "-"
        + ATLAS);
  }

  private static void awaitTask(Api api, String user, String query) throws Exception {
    await(() -> api.tasks(user, query).isEmpty() ? null : true, user + "'s task " + query);
  }

  private static void awaitNoTask(Api api, String user, String query) throws Exception {
    await(() -> api.tasks(user, query).isEmpty() ? true : null, "no more " + query + " for " + user);
  }

  interface Probe<T> {
    T read() throws Exception;
  }

  private static <T> T await(Probe<T> probe, String what) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (true) {
      T value = probe.read();
      if (value != null) {
        return value;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("waited 60 s for " + what);
      }
      Thread.sleep(300);
    }
  }
}
