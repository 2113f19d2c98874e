package com.kap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.kap.support.Api;
import com.kap.support.Browser;
import com.kap.support.KapTest;
import com.kap.support.TasklistForm;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
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
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A demo year through the real Tasklist, one person at a time, as the README's guided demo walks it: each logs in
 * through the login page and out through the user menu, in one browser; at each step they pick a filter and a task
 * card (or "Start process"), fill the form by typing and clicking, and complete it; the outcome is then read
 * through KAP's API. Screenshots of every step go to target/browser/.
 * The steps run in order and build on each other, like the year they walk through.
 */
@KapTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoYearJourneyTest {

  private static final int YEAR = 2047;
  private static final String ATLAS = "ACC-003"; // Atlas Logistics: Strategic, KAM alice, sponsor gilles
  private static final String ORION = "ACC-007"; // Orion Retail: Star, KAM bruno
  /** The budget round of the year, once diane has started it. */
  private static String round;
  /** The one browser the year is walked in, and who is logged into its Tasklist. */
  private static Browser shared;
  private static String loggedIn;
  /** The people whose Tasklist was checked at their first login. */
  private static final Set<String> checked = new HashSet<>();


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
    {
      Browser browser = tasklistOf("diane");
      browser.startProcess("Annual planning cycle");
      new TasklistForm(browser).type("Cycle year", String.valueOf(YEAR))
          .date("Plan deadline", LocalDate.of(YEAR - 1, 12, 15))
          .date("Closing date (after the deadline)", LocalDate.of(YEAR, 3, 31));
      browser.screenshot("year-01-diane-starts-the-cycle");
      browser.clickStart();

      // diane, the only programme director, finds it in "My tasks", ready: no claim step
      browser.pickTask("My tasks", "Validate segmentation", String.valueOf(YEAR));
      browser.waitForText("Segmentation " + YEAR);
      browser.find(By.cssSelector(".fjs-form img")); // the segmentation matrix
      assertThat(browser.pageText()).contains("Strategic", "Streamline", "ACC-001");
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
    JsonNode moved = api.get("diane", "/api/accounts/ACC-024", JsonNode.class).getBody().get("segmentsByYear")
        .get(String.valueOf(YEAR));
    assertThat(moved.get("segment").asText()).isEqualTo("Status");
    assertThat(moved.get("override").get("reason").asText())
        .isEqualTo("New owners since June: a relationship to rebuild first");
    assertThat(moved.get("override").get("by").asText()).isEqualTo("diane");
  }

  @Test
  @Order(2)
  void aliceDraftsAFullPlanIsRefusedByTheQualityGateAndFixesIt() throws Exception {
    Api api = new Api(rest);
    awaitTask(api, "alice", "taskDefinitionKey=draftAccountPlan&processInstanceBusinessKey=" + YEAR + "-" + ATLAS);
    {
      Browser browser = tasklistOf("alice");
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
        row.type("Action", actions[i]).pick("Owner", "(alice)").date("Due date", LocalDate.of(YEAR, 2 + i, 15));
      }
      plan.firstRow("Risks").type("Risk", "A competitor's price cut").pick("Likelihood", "Medium")
          .type("Mitigation", "Lock the value in the contract");
      plan.firstRow("Training needs").pick("For whom", "KAM").type("Need", "Value selling to procurement");
      // a Strategic map needs a decision maker and a champion, each with an owner of ours (DMN stakeholderCoverage)
      plan.firstRow("Stakeholders").type("Name", "Eva Lind").type("Title", "COO").pick("Buying role", "Decision maker")
          .pick("Influence", "High").pick("Attitude", "Neutral").pick("Relationship owner", "(gilles)");
      plan.addRow("Stakeholders").type("Name", "Jon Berg").type("Title", "Head of logistics")
          .pick("Buying role", "Champion").pick("Influence", "Medium").pick("Attitude", "Supporter")
          .pick("Relationship owner", "(alice)").type("Reports to", "Eva Lind");
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
    // the programme dashboard is not a KAM's: typed into the address bar, it says so, and leads back to Tasklist
    {
      Browser browser = tasklistOf("alice");
      browser.openPage("/kap/dashboard");
      browser.waitForText("The programme dashboard is for the programme director, the directors and the executive");
      assertThat(browser.seriousAccessibilityViolations()).as("axe-core on a refusal").isEmpty();
      browser.backToTasklist();
    }
    JsonNode plan = await(() -> {
      JsonNode read = api.get("alice", "/api/accounts/" + ATLAS + "/plans/" + YEAR, JsonNode.class).getBody();
      return read != null && "IN_REVIEW".equals(read.path("status").asText()) ? read : null;
    }, "the plan in review");
    JsonNode submitted = plan.get("versions").get(plan.get("versions").size() - 1);
    assertThat(submitted.get("qualityPassed").asBoolean()).isTrue();
    assertThat(submitted.get("content").get("actions")).hasSize(6);
    assertThat(submitted.get("content").get("objectives").get(0).get("type").asText()).isEqualTo("profitability");
    assertThat(submitted.get("content").get("stakeholders")).hasSize(2);
  }

  @Test
  @Order(3)
  void gillesReviewsAsSponsorDianeSendsItBackThenApproves() throws Exception {
    Api api = new Api(rest);
    sponsorReview(api, "year-05-gilles-reviews-as-sponsor");
    {
      Browser browser = tasklistOf("diane");
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
    {
      Browser browser = tasklistOf("alice");
      browser.pickTask("Plans to draft", "Draft account plan", "Atlas Logistics", String.valueOf(YEAR));
      browser.waitForText("The programme director sent the plan back");
      new TasklistForm(browser).row("Action plan", 1).type("Action", "Meet the COO, the decision maker");
      browser.screenshot("year-07-alice-revises-the-plan");
      browser.clickComplete();
    }
    sponsorReview(api, "year-08-gilles-reviews-again");
    {
      Browser browser = tasklistOf("diane");
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
    {
      Browser browser = tasklistOf("alice");
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
    {
      Browser browser = tasklistOf("diane");
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

  @Test
  @Order(5)
  void brunoDraftsHisStarPlanAndDianeApprovesIt() throws Exception {
    Api api = new Api(rest);
    awaitTask(api, "bruno", "taskDefinitionKey=draftAccountPlan&processInstanceBusinessKey=" + YEAR + "-" + ORION);
    {
      Browser browser = tasklistOf("bruno");
      browser.pickTask("Plans to draft", "Draft account plan", "Orion Retail", String.valueOf(YEAR));
      TasklistForm plan = new TasklistForm(browser);
      browser.waitForText("Orion Retail — account plan " + YEAR);
      // a Star account earns a full plan: every section is marked required before Complete
      plan.type("Customer situation", "Opening 40 stores in the east")
          .type("Customer strategy", "Own the east before the discounters do")
          .type("Our position: strengths", "Fastest restocking in the region")
          .type("Our position: vulnerabilities", "No presence in their new east warehouse")
          .type("Strategies", "Bundle restocking with the store-opening kit");
      // Orion Retail has no executive sponsor: the form does not ask where one meets the customer
      assertThat(browser.pageText()).doesNotContain("Sponsor touchpoints");
      plan.firstRow("Objectives").pick("Type", "Value").type("Objective", "Shorter restocking")
          .type("Metric", "Days to restock").type("Baseline", "9").type("Target", "5")
          .date("Due date", LocalDate.of(YEAR, 9, 30));
      plan.firstRow("Action plan").type("Action", "Store-opening playbook").pick("Owner", "(bruno)")
          .date("Due date", LocalDate.of(YEAR, 4, 30));
      plan.firstRow("Risks").type("Risk", "Openings slip").pick("Likelihood", "Low");
      plan.firstRow("Training needs").pick("For whom", "KAM").type("Need", "Retail finance");
      plan.firstRow("Stakeholders").type("Name", "Ada Moss").type("Title", "Chief merchant")
          .pick("Buying role", "Decision maker").pick("Influence", "High").pick("Attitude", "Supporter")
          .pick("Relationship owner", "(bruno)");
      browser.screenshot("year-12-bruno-drafts-his-plan");
      browser.clickComplete();
    }
    {
      Browser browser = tasklistOf("diane");
      browser.pickTask("Plans to approve", "Approve account plan", "Orion Retail", String.valueOf(YEAR));
      new TasklistForm(browser).choose("Approve the plan");
      browser.clickComplete();
    }
    await(() -> "APPROVED".equals(api.get("bruno", "/api/accounts/" + ORION + "/plans/" + YEAR, JsonNode.class)
        .getBody().path("status").asText()) ? true : null, "Orion Retail's approved plan");
  }

  @Test
  @Order(6)
  void dianeStartsABudgetRoundAndAliceAndBrunoBidFromTheirOwnAccounts() throws Exception {
    {
      Browser browser = tasklistOf("diane");
      browser.startProcess("Budget round");
      TasklistForm round = new TasklistForm(browser);
      round.type("Round name", "Growth " + YEAR).choose("Global (all regions)").type("Year", String.valueOf(YEAR))
          .type("Envelope", "100000").type("Reserve (%)", "20")
          .date("Call for bids closes (end of day, UTC)", LocalDate.now().plusDays(14));
      assertThat(round.optionsFor("Committee members", "a")).as("directors only")
          .contains("Fatima Haddad (fatima)").doesNotContain("Alice Martin (alice)", "Diane Laurent (diane)");
      round.pick("Committee members", "(eric)").pick("Committee members", "(fatima)").pick("Chair", "(fatima)");
      browser.screenshot("year-13-diane-starts-a-budget-round");
      browser.clickStart();
    }
    Api api = new Api(rest);
    round = await(() -> {
      for (JsonNode r : api.get("diane", "/api/budget/rounds", JsonNode.class).getBody()) {
        if (("Growth " + YEAR).equals(r.path("name").asText())) {
          return r.get("id").asText();
        }
      }
      return null;
    }, "the round");
    bid("alice", "Atlas Logistics (" + ATLAS + ")", "Shared forecasting platform", "60000",
        "year-14-alice-bids");
    bid("bruno", "Orion Retail (" + ORION + ")", "Store-opening kit", "15000", "year-15-bruno-bids");
    JsonNode mine = api.get("alice", "/api/budget/bids", JsonNode.class).getBody();
    assertThat(mine.findValuesAsText("accountId")).contains(ATLAS).doesNotContain(ORION);
  }

  @Test
  @Order(7)
  void fatimaClosesTheCallEarlyEricAndFatimaScoreBlindAndFatimaCalibrates() throws Exception {
    {
      Browser browser = tasklistOf("fatima");
      browser.pickTask("Budget decisions", "Close the call early", "All accounts", String.valueOf(YEAR));
      new TasklistForm(browser).type("Why you close the call early", "Both KAMs have bid; the committee meets Monday");
      browser.screenshot("year-16-fatima-closes-the-call-early");
      browser.clickComplete();
    }
    Api api = new Api(rest);
    awaitTask(api, "eric", "taskDefinitionKey=scoreBid");
    // eric rates Orion's strategic fit 5, fatima 1: they differ by more than 2 and fatima, the chair, calibrates
    score("eric", "Atlas Logistics", 4, "year-17-eric-scores-atlas");
    score("eric", "Orion Retail", 5, "year-18-eric-scores-orion");
    score("fatima", "Atlas Logistics", 4, "year-19-fatima-scores-atlas");
    score("fatima", "Orion Retail", 1, "year-20-fatima-scores-orion");
    awaitTask(api, "fatima", "taskDefinitionKey=calibrateScores");
    {
      Browser browser = tasklistOf("fatima");
      browser.pickTask("Budget decisions", "Calibrate scores", "Orion Retail");
      new TasklistForm(browser).type("Strategic fit (25 %)", "3")
          .type("Reason for the calibration", "Strong east expansion, but outside our core segment");
      browser.screenshot("year-21-fatima-calibrates");
      browser.clickComplete();
    }
    JsonNode audit = await(() -> {
      JsonNode read = api.get("diane", "/api/budget/rounds/" + round + "/audit", JsonNode.class).getBody();
      return read.toString().contains("CALIBRAT") ? read : null;
    }, "the calibration in the audit trail");
    assertThat(audit.toString()).contains("CALL_CLOSED_EARLY", "Both KAMs have bid");
  }

  @Test
  @Order(8)
  void fatimaDecidesWithAnOverrideBrunoAppealsAndInesUpholdsIt() throws Exception {
    Api api = new Api(rest);
    awaitTask(api, "fatima", "taskDefinitionKey=decideAllocation");
    {
      Browser browser = tasklistOf("fatima");
      browser.pickTask("Budget decisions", "Decide allocation", "All accounts", String.valueOf(YEAR));
      TasklistForm decision = new TasklistForm(browser).choose("Accept with the overrides below");
      TasklistForm override = decision.firstRow("Overrides"); // the list opens with one row to fill
      override.pick("Bid", "Store-opening kit").pick("Action", "Do not fund")
          .type("Reason", "Orion's expansion is outside the programme's core segment this year");
      browser.screenshot("year-22-fatima-decides-with-an-override");
      browser.clickComplete();
    }
    awaitTask(api, "bruno", "taskDefinitionKey=considerAppeal");
    {
      Browser browser = tasklistOf("bruno");
      // first, where his bid stands: "My bids" in Tasklist's header, now with the published scores
      browser.openKapPage("My bids");
      WebElement row = browser.find(By.xpath("//table[@id='my-bids']//tr[th[contains(., 'Store-opening kit')]]"));
      assertThat(row.getText()).contains("Not funded", "Growth " + YEAR, "eric: Strategic fit",
          "fatima: Strategic fit", "You may appeal until",
          "Strategic fit agreed at 3 by fatima: Strong east expansion"); // the chair's calibration beside them
      browser.screenshot("year-23-bruno-reads-my-bids");
      assertThat(browser.seriousAccessibilityViolations()).as("axe-core on My bids").isEmpty();
      assertThat(browser.refusedRequests()).isEmpty();
      browser.backToTasklist();
      browser.pickTask("My bids", "Consider appeal", "Orion Retail");
      new TasklistForm(browser).choose("Appeal")
          .type("Grounds of the appeal", "The kit pays back in one season; the scores put it in the funded set");
      browser.screenshot("year-23-bruno-appeals");
      browser.clickComplete();
    }
    awaitTask(api, "ines", "taskDefinitionKey=reviewAppeal");
    {
      Browser browser = tasklistOf("ines");
      browser.pickTask("Appeals to review", "Review appeal", "Orion Retail");
      new TasklistForm(browser).choose("Uphold: fund the bid from the round's reserve")
          .type("Response", "Upheld: the scores support it and the reserve covers it");
      browser.screenshot("year-24-ines-upholds-the-appeal");
      browser.clickComplete();
    }
    JsonNode bids = await(() -> {
      JsonNode read = api.get("bruno", "/api/budget/bids", JsonNode.class).getBody();
      for (JsonNode bid : read) {
        if (ORION.equals(bid.path("accountId").asText()) && "FUNDED".equals(bid.path("status").asText())) {
          return read;
        }
      }
      return null;
    }, "bruno's bid funded from the reserve");
    assertThat(bids).isNotEmpty();
  }

  @Test
  @Order(9)
  void dianeLetsTimePassAndHanaConsolidatesTheTrainingPlan() throws Exception {
    letTimePass(LocalDate.of(YEAR, 4, 1), "year-25-diane-lets-time-pass-beyond-the-closing-date");
    Api api = new Api(rest);
    awaitTask(api, "hana", "taskDefinitionKey=consolidateTrainingPlan&processInstanceBusinessKey=" + YEAR);
    {
      Browser browser = tasklistOf("hana");
      browser.pickTask("Training plans", "Consolidate training plan", String.valueOf(YEAR));
      browser.waitForText("Value selling to procurement");
      new TasklistForm(browser).type("Consolidated training plan",
          "KAM: value selling to procurement (Q2, two days); retail finance (Q3)");
      browser.screenshot("year-26-hana-consolidates-the-training-plan");
      browser.clickComplete();
    }
    await(() -> api.get("diane", "/api/programme/" + YEAR + "/dashboard", JsonNode.class).getBody()
        .path("trainingPlanConsolidated").asBoolean() ? true : null, "the consolidated training plan");
    assertThat(api.get("diane", "/api/accounts/ACC-024/plans/" + YEAR, JsonNode.class).getBody().path("status")
        .asText()).as("a plan not approved by the closing date").isEqualTo("CLOSED");

    // hana holds no ritual: "My calendar", typed into the address bar, tells her so. Then she hands the browser
    // over; diane opens her bookmark of the year's dashboard, logs in on Tasklist's login page where it sends her,
    // and is brought back to the dashboard
    {
      Browser browser = tasklistOf("hana");
      browser.openPage("/kap/calendar");
      browser.waitForText("you hold no ritual, so KAP has no calendar for you");
      browser.backToTasklist();
      browser.logOut();
      loggedIn = null;
      browser.openPage("/kap/dashboard?year=" + YEAR);
      browser.logInOnTheLoginPage("diane", "demo");
      loggedIn = "diane";
      browser.waitForText("Programme dashboard " + YEAR);
      assertThat(browser.find(By.xpath("//tr[th[normalize-space()='Training plan consolidated']]/td")).getText())
          .isEqualTo("yes");
      assertThat(browser.find(By.xpath("//table[@id='plans-by-segment']//tr[th[normalize-space()='Strategic']]/td[3]"))
          .getText()).as("Strategic plans approved").isNotEqualTo("0");
      // the plans left open at the closing date were closed: not approved, and no longer overdue
      assertThat(browser.find(By.xpath("//table[@id='plans-by-segment']//tr[th[normalize-space()='Status']]/td[4]"))
          .getText()).as("Status plans closed unapproved (Tundra Outdoor among them)").isNotEqualTo("0");
      assertThat(browser.find(By.id("overdue-plans")).getText()).as("no plan is overdue once closed")
          .doesNotContain("Tundra Outdoor");
      assertThat(browser.find(By.id("approvals-over-time")).getText()).as("approvals week by week")
          .contains("(plan deadline)");
      assertThat(browser.find(By.id("budget-by-region")).getText()).as("the round's bids by region")
          .contains("EMEA", "AMER");
      browser.screenshot("year-26-diane-reads-the-programme-dashboard");
      assertThat(browser.seriousAccessibilityViolations()).as("axe-core on the dashboard").isEmpty();
      // the region filter: AMER's figures leave EMEA's bids out
      new Select(browser.find(By.id("region"))).selectByVisibleText("AMER");
      browser.click(By.xpath("//button[normalize-space()='Show']"));
      browser.waitForText("the accounts of region AMER");
      assertThat(browser.find(By.id("budget-by-region")).getText()).contains("AMER").doesNotContain("EMEA");
      assertThat(browser.refusedRequests()).isEmpty();
      // "My bids" is a KAM's page, not hers
      browser.openPage("/kap/bids");
      browser.waitForText("\"My bids\" lists a KAM's own investment bids; you are not a KAM.");
      // done: "Log out" in the page's header ends her login in Tasklist too
      browser.click(By.xpath("//header//button[normalize-space()='Log out']"));
      browser.find(By.cssSelector("input[ng-model='username']"));
      loggedIn = null;
    }
  }

  @Test
  @Order(10)
  void aliceHoldsARitualWithMinutesAndActions() throws Exception {
    Api api = new Api(rest);
    JsonNode next = null;
    for (JsonNode ritual : api.get("alice", "/api/accounts/" + ATLAS + "/rituals/" + YEAR, JsonNode.class).getBody()
        .get("occurrences")) {
      LocalDate day = LocalDate.parse(ritual.get("plannedDate").asText());
      if (day.isAfter(LocalDate.of(YEAR, 4, 1)) && ritual.get("customerParticipants").isTextual()
          && "alice".equals(ritual.path("host").asText())) {
        next = ritual;
        break;
      }
    }
    assertThat(next).as("a ritual with the customer after April").isNotNull();
    LocalDate day = LocalDate.parse(next.get("plannedDate").asText());
    letTimePass(day, "year-27-diane-lets-time-pass-to-a-ritual-day");
    awaitTask(api, "alice", "taskDefinitionKey=holdRitual&processInstanceBusinessKey=" + YEAR + "-" + ATLAS);
    {
      Browser browser = tasklistOf("alice");
      browser.pickTask("Rituals to hold", "Hold ritual", "Atlas Logistics", String.valueOf(YEAR));
      TasklistForm ritual = new TasklistForm(browser).choose("Yes").date("Date held", day)
          .type("Attendees", "alice; their COO and head of logistics")
          .type("Minutes", "Reviewed the forecast pilot; late deliveries down by a third")
          .type("Decisions", "Extend the pilot to the second warehouse");
      ritual.addRow("Actions").type("Action", "Send the pilot's cost-of-delay figures").pick("Owner", "(alice)")
          .date("Due", day.plusDays(14));
      ritual.type("Customer satisfaction (1 = poor, 5 = excellent)", "4");
      browser.screenshot("year-28-alice-holds-a-ritual");
      browser.completeAndSeeTheTaskGo();
    }
    JsonNode held = await(() -> {
      JsonNode read = api.get("alice", "/api/accounts/" + ATLAS + "/rituals/" + YEAR, JsonNode.class).getBody();
      return read.toString().contains("late deliveries down by a third") ? read : null;
    }, "the held ritual's minutes");
    assertThat(held.toString()).contains("HELD", "Send the pilot's cost-of-delay figures");
  }

  @Test
  @Order(11)
  void paulaFindsTheRunningInstancesInCockpit() throws Exception {
    try (Browser browser = new Browser(port)) {
      browser.logInto("cockpit", "paula", "demo");
      browser.open("cockpit", "#/processes");
      // the year's plans have ended by now; Atlas Logistics' rituals run on
      browser.click(By.xpath("//a[normalize-space()='Ritual plan']"));
      browser.waitForText("Definition Version");
      browser.find(By.xpath("//*[contains(normalize-space(text()), '" + YEAR + "-" + ATLAS + "')]"));
      browser.screenshot("year-29-paula-finds-the-running-ritual-plans-in-cockpit");
      assertThat(browser.refusedRequests()).isEmpty();
    }
  }

  @AfterAll
  static void backToTheRealTimeAndCloseTheBrowsers() throws IOException {
    ClockUtil.reset();
    if (shared != null) {
      shared.close();
      shared = null;
    }
  }

  /**
   * The browser with Tasklist open as {@code user}, as the README's demo is walked: one browser, and each person in
   * turn logs out through the user menu and the next logs in through the login page. At each person's first login,
   * the filters load and every request of the webapp is answered.
   */
  private Browser tasklistOf(String user) throws IOException {
    if (shared == null) {
      shared = new Browser(port);
    } else if (user.equals(loggedIn)) {
      return shared;
    } else if (loggedIn != null) {
      shared.logOut();
    }
    loggedIn = null;
    shared.logIntoTasklist(user, "demo");
    loggedIn = user;
    if (checked.add(user)) {
      shared.find(By.xpath("//*[contains(@class,'task-filter')]//h4[@uib-tooltip='My tasks']"));
      shared.waitForText("My group's tasks");
      assertThat(shared.pageText()).as(user + "'s Tasklist").doesNotContain("finished with failures");
      assertThat(shared.refusedRequests()).as("requests refused to " + user + "'s Tasklist").isEmpty();
    }
    return shared;
  }

  private void letTimePass(LocalDate day, String screenshot) throws Exception {
    {
      Browser browser = tasklistOf("diane");
      browser.startProcess("Let time pass (demo)");
      new TasklistForm(browser).date("Move the clock to", day);
      browser.screenshot(screenshot);
      browser.clickStart();
    }
    await(() -> !LocalDate.ofInstant(ClockUtil.now().toInstant(), java.time.ZoneOffset.UTC).isBefore(day) ? true
        : null, "the demo's clock at " + day);
  }

  private void bid(String kam, String account, String title, String cost, String screenshot) throws Exception {
    {
      Browser browser = tasklistOf(kam);
      browser.startProcess("Investment bid");
      TasklistForm bid = new TasklistForm(browser);
      assertThat(bid.optionsFor("Account", kam.equals("alice") ? ORION : ATLAS))
          .as("%s's own accounts only", kam).noneMatch(option -> option.contains("ACC-"));
      bid.pick("Account", account).type("Title", title).pick("Category", "Growth").type("Cost", cost)
          .type("Expected margin", "90000").type("Probability of success (%)", "70")
          .type("Objectives served", "Lift gross margin");
      browser.screenshot(screenshot);
      browser.clickStart();
    }
    Api api = new Api(rest);
    await(() -> api.get(kam, "/api/budget/bids", JsonNode.class).getBody().toString().contains(title) ? true : null,
        kam + "'s bid");
  }

  private void score(String director, String account, int strategicFit, String screenshot) throws Exception {
    {
      Browser browser = tasklistOf(director);
      browser.pickTask("Bids to score", "Score bid", account);
      new TasklistForm(browser).type("Strategic fit (25 %)", String.valueOf(strategicFit))
          .type("Risk-adjusted value (25 %)", "4").type("Account potential (15 %)", "3")
          .type("Risk (15 %; 5 = low risk)", "3").type("Co-investment (10 %)", "2").type("Feasibility (10 %)", "4")
          .type("Your reasoning", "Clear objectives, realistic plan");
      browser.screenshot(screenshot);
      browser.clickComplete();
    }
  }

  private void sponsorReview(Api api, String screenshot) throws Exception {
    awaitTask(api, "gilles", "taskDefinitionKey=reviewPlanAsSponsor&processInstanceBusinessKey=" + YEAR + "-"
        + ATLAS);
    {
      Browser browser = tasklistOf("gilles");
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

  /** The probe's first non-null answer within 60 s, polled as the engine's jobs run. */
  private static <T> T await(java.util.concurrent.Callable<T> probe, String what) {
    return org.awaitility.Awaitility.await(what).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
        .until(probe, java.util.Objects::nonNull);
  }
}
