package com.kap.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.kap.planning.internal.AccountPlanRepository;
import com.kap.portfolio.PortfolioSegmentation;
import com.kap.support.Api;
import com.kap.support.Browser;
import com.kap.support.KapTest;
import com.kap.support.TasklistForm;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A KAM logs into Tasklist, opens her "Draft account plan" (pre-filled from last year's approved plan), brings it up
 * to date, adds a training need in a list, and completes it; the plan passes the quality gate to approval.
 */
@KapTest
class DraftPlanInTasklistTest {

  private static final int YEAR = 2090;
  private static final String ACCOUNT = "ACC-024"; // Streamline, KAM alice: a one-page plan

  @Autowired TestRestTemplate rest;
  @Autowired AccountPlanRepository plans;
  @Autowired PortfolioSegmentation segmentation;
  @LocalServerPort int port;

  @Test
  void aliceDraftsHerPlanInTasklist() throws Exception {
    approvedPlanOfLastYear();
    Api api = new Api(rest);
    String cycleId = api.postJson("diane", "/engine-rest/process-definition/key/annualPlanningCycle/submit-form",
        "{\"variables\":{\"year\":{\"value\":" + YEAR + "},\"planDeadline\":{\"value\":\"" + (YEAR - 1)
            + "-12-15\"},\"closingDate\":{\"value\":\"" + YEAR + "-03-31\"}}}", JsonNode.class).getBody()
        .get("id").asText();
    String validation = api.awaitTask("diane", "processInstanceId=" + cycleId).get("id").asText();
    api.postJson("diane", "/engine-rest/task/" + validation + "/submit-form", "{\"variables\":{}}", String.class);
    api.awaitTask("alice", "taskDefinitionKey=draftAccountPlan&processInstanceBusinessKey="
        + YEAR + "-" + ACCOUNT);

    try (Browser browser = new Browser(port)) {
      browser.logIntoTasklist("alice", "demo");
      browser.pickTask("Plans to draft", "Draft account plan", "Tundra Outdoor", String.valueOf(YEAR));
      browser.waitForText("Tundra Outdoor — account plan " + YEAR);
      browser.waitForText("Pre-filled from your approved " + (YEAR - 1) + " plan");
      browser.screenshot("draftAccountPlan");

      browser.find(By.xpath("//label[contains(., 'Customer situation')]/following::textarea[1]")).clear();
      browser.type(By.xpath("//label[contains(., 'Customer situation')]/following::textarea[1]"),
          "New owners since June; consolidating to two suppliers");
      By trainingList = By.xpath("//*[contains(@class,'fjs-form-field-dynamiclist')][.//*[contains(text(),"
          + "'Training needs')]]");
      new TasklistForm(browser).addRow("Training needs");
      browser.click(By.xpath("(//*[contains(@class,'fjs-form-field-dynamiclist')][.//*[contains(text(),"
          + "'Training needs')]]//div[contains(@class,'fjs-form-field-select')])[last()]//div[contains(@class,"
          + "'fjs-input-group')]"));
      browser.click(By.xpath("//div[contains(@class,'fjs-dropdownlist-item') and normalize-space()='KAM']"));
      browser.type(By.xpath("(//*[contains(@class,'fjs-form-field-dynamiclist')][.//*[contains(text(),"
          + "'Training needs')]]//input[contains(@class,'fjs-input')])[last()]"), "Negotiating with procurement");
      browser.screenshot("draftAccountPlanFilled");
      assertThat(browser.driver().findElements(trainingList)).isNotEmpty();

      browser.click(By.xpath("//button[normalize-space()='Complete']"));
      try {
        awaitNoDraft(api);
      } finally {
        browser.screenshot("draftAccountPlanCompleted");
      }
    }

    JsonNode plan = api.get("alice", "/api/accounts/" + ACCOUNT + "/plans/" + YEAR, JsonNode.class).getBody();
    JsonNode submitted = plan.get("versions").get(0);
    assertThat(submitted.get("submittedBy").asText()).isEqualTo("alice");
    assertThat(submitted.get("qualityPassed").asBoolean()).isTrue();
    assertThat(submitted.get("content").get("customerSituation").asText())
        .isEqualTo("New owners since June; consolidating to two suppliers");
    assertThat(submitted.get("content").get("trainingNeeds").get(0).get("need").asText())
        .isEqualTo("Negotiating with procurement");
    assertThat(submitted.get("content").get("objectives").get(0).get("description").asText())
        .isEqualTo("Cut cost to serve");
    assertThat(plan.get("status").asText()).isEqualTo("IN_REVIEW");

    // the programme director reads the submitted plan in the approval form and approves it
    JsonNode approval = api.awaitTask("diane", "taskDefinitionKey=approveAccountPlan&processInstanceBusinessKey="
        + YEAR + "-" + ACCOUNT);
    try (Browser browser = new Browser(port)) {
      browser.logIntoTasklist("diane", "demo");
      // diane is the only programme director: the approval is hers, no claim step
      browser.pickTask("My tasks", "Approve account plan", "Tundra Outdoor", String.valueOf(YEAR));
      browser.waitForText("Approve plan: Tundra Outdoor");
      browser.waitForText("Negotiating with procurement");
      assertThat(browser.pageText()).contains("Cut cost to serve", "New owners since June");
      browser.screenshot("approveAccountPlan");
      browser.click(By.xpath("//label[normalize-space()='Approve the plan']"));
      browser.click(By.xpath("//button[normalize-space()='Complete']"));
      await("the approval to be completed").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
          .until(() -> api.tasks("diane", "taskDefinitionKey=approveAccountPlan&processInstanceBusinessKey=" + YEAR
              + "-" + ACCOUNT).isEmpty());
    }
    assertThat(api.get("alice", "/api/accounts/" + ACCOUNT + "/plans/" + YEAR, JsonNode.class).getBody()
        .get("status").asText()).isEqualTo("APPROVED");
  }

  private void approvedPlanOfLastYear() {
    int last = YEAR - 1;
    segmentation.segment(last);
    plans.insert(new AccountPlan(last, ACCOUNT, "seeded-by-test", "alice", "Streamline",
        AccountPlan.Status.DRAFTING, Instant.now(), null, null));
    LocalDate due = LocalDate.of(YEAR, 6, 30);
    PlanContent content = new PlanContent("Stable volumes", null, null, null,
        List.of(new PlanContent.Objective("profitability", "Cut cost to serve", "Cost to serve", "9%", "7%", due)),
        null, List.of(new PlanContent.Action("Move to e-ordering", "alice", due)), List.of(), List.of(), null);
    int version = plans.addVersion(last, ACCOUNT, "alice", Instant.now(), content, List.of());
    plans.approve(last, ACCOUNT, version, Instant.now());
  }

  private void awaitNoDraft(Api api) {
    await("the draft to be completed").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
        .until(() -> api.get("alice", "/engine-rest/task?maxResults=100&taskDefinitionKey=draftAccountPlan"
            + "&processInstanceBusinessKey=" + YEAR + "-" + ACCOUNT, JsonNode.class).getBody().isEmpty());
  }

}
