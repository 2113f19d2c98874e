package com.kap.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.kap.planning.internal.AccountPlanRepository;
import com.kap.portfolio.PortfolioImportService;
import com.kap.portfolio.PortfolioSegmentation;
import com.kap.portfolio.internal.PortfolioCsvParser;
import com.kap.support.Api;
import com.kap.support.Browser;
import com.kap.support.KapTest;
import com.kap.support.TasklistForm;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A KAM adds the customer's stakeholders to her Strategic plan in Tasklist's draft form: the decision maker and a
 * champion reporting to her. The plan passes the quality gate, and the account's page draws them as an org chart.
 */
@KapTest
class StakeholdersInTasklistTest {

  private static final int YEAR = 2103;
  private static final String ACCOUNT = "STK-2103"; // Strategic (every score 9), KAM alice, sponsor gilles
  private static final String NAME = "Boreal Freight";

  @Autowired TestRestTemplate rest;
  @Autowired AccountPlanRepository plans;
  @Autowired PortfolioSegmentation segmentation;
  @Autowired PortfolioImportService importService;
  @Autowired RuntimeService runtimeService;
  @LocalServerPort int port;

  @Test
  void aliceMapsTheBuyingCentreAndTheAccountPageDrawsIt() throws Exception {
    importService.importCsv(String.join(",", PortfolioCsvParser.REQUIRED_COLUMNS)
        + "\n" + ACCOUNT + "," + NAME + ",EMEA,alice,gilles,9,9,9,9,9,9,9,9,9,9,9,9\n");
    approvedPlanOfLastYear();
    AccountPlanProcessTest.startPlan(runtimeService, segmentation, plans, YEAR, ACCOUNT);
    Api api = new Api(rest);
    api.awaitTask("alice", "taskDefinitionKey=draftAccountPlan&processInstanceBusinessKey=" + YEAR + "-" + ACCOUNT);

    try (Browser browser = new Browser(port)) {
      browser.logIntoTasklist("alice", "demo");
      browser.pickTask("Plans to draft", "Draft account plan", NAME, String.valueOf(YEAR));
      browser.waitForText(NAME + " — account plan " + YEAR);
      browser.waitForText("Pre-filled from your approved " + (YEAR - 1) + " plan");
      TasklistForm plan = new TasklistForm(browser);
      plan.firstRow("Stakeholders").type("Name", "Eva Lind").type("Title", "Chief operating officer")
          .pick("Buying role", "Decision maker").pick("Influence", "High").pick("Attitude", "Supporter")
          .pick("Relationship owner", "(alice)");
      plan.addRow("Stakeholders").type("Name", "Jon Berg").type("Title", "Head of logistics")
          .pick("Buying role", "Champion").pick("Influence", "Medium").pick("Attitude", "Neutral")
          .pick("Relationship owner", "(gilles)").type("Reports to", "Eva Lind");
      browser.screenshot("stakeholders-alice-maps-the-buying-centre");
      browser.clickComplete();
      await("the draft to be completed").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
          .until(() -> api.tasks("alice", "taskDefinitionKey=draftAccountPlan&processInstanceBusinessKey=" + YEAR
              + "-" + ACCOUNT).isEmpty());
    }

    JsonNode map = api.get("alice", "/api/accounts/" + ACCOUNT + "/stakeholders", JsonNode.class).getBody();
    assertThat(map.get("planYear").asInt()).isEqualTo(YEAR);
    JsonNode stakeholders = map.get("stakeholders");
    assertThat(stakeholders).hasSize(2);
    assertThat(stakeholders.get(0).get("name").asText()).isEqualTo("Eva Lind");
    assertThat(stakeholders.get(0).get("buyingRole").asText()).isEqualTo("decisionMaker");
    assertThat(stakeholders.get(0).get("owner").asText()).isEqualTo("alice");
    assertThat(stakeholders.get(1).get("attitude").asText()).isEqualTo("neutral");
    assertThat(stakeholders.get(1).get("owner").asText()).isEqualTo("gilles");
    assertThat(stakeholders.get(1).get("reportsTo").asText()).isEqualTo("Eva Lind");
    assertThat(api.get("alice", "/api/accounts/" + ACCOUNT + "/plans/" + YEAR, JsonNode.class).getBody()
        .get("status").asText()).as("past the quality gate").isEqualTo("IN_REVIEW");

    try (Browser browser = new Browser(port)) {
      browser.logIntoTasklist("gilles", "demo");
      browser.openPage("/kap/accounts/" + ACCOUNT);
      browser.waitForText("The account's stakeholders and our last contact with each");
      String chart = browser.find(By.cssSelector("#stakeholders svg.kap-org-chart")).getText();
      assertThat(chart).contains("Eva Lind", "Chief operating officer", "Decision maker · influence high",
          "owner alice", "Jon Berg", "Champion · influence medium", "no contact yet");
      assertThat(browser.driver().findElements(By.cssSelector("#stakeholders svg.kap-org-chart path")))
          .as("Jon Berg's line to Eva Lind").hasSize(1);
      assertThat(browser.find(By.id("stakeholder-map")).getText()).contains("Eva Lind", "Decision maker", "Supporter",
          "Jon Berg", "Champion", "Neutral", "gilles");
      browser.screenshot("stakeholders-org-chart-on-the-account-page");
      assertThat(browser.seriousAccessibilityViolations()).as("axe-core on the account page").isEmpty();
      assertThat(browser.refusedRequests()).isEmpty();
    }
  }

  /** Last year's approved full plan without stakeholders: the draft is pre-filled with all but the map. */
  private void approvedPlanOfLastYear() {
    int last = YEAR - 1;
    segmentation.segment(last);
    plans.insert(new AccountPlan(last, ACCOUNT, "seeded-by-test", "alice", "Strategic",
        AccountPlan.Status.DRAFTING, Instant.now(), null, null));
    LocalDate due = LocalDate.of(YEAR, 6, 30);
    PlanContent content = new PlanContent("Two new warehouses", "Outcome-based contracts", "Reliability",
        "Price", List.of(new PlanContent.Objective("profitability", "Cut cost to serve", "Cost to serve", "9%", "7%",
            due)), "Value pricing", List.of(new PlanContent.Action("Move to e-ordering", "alice", due)),
        List.of(new PlanContent.Risk("Competitor", "medium", null)),
        List.of(new PlanContent.TrainingNeed("kam", "Value selling")), "Quarterly top-to-top");
    int version = plans.addVersion(last, ACCOUNT, "alice", Instant.now(), content, List.of());
    plans.approve(last, ACCOUNT, version, Instant.now());
  }
}
