package com.kap.platform.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.kap.planning.AccountPlan;
import com.kap.planning.PlanContent;
import com.kap.planning.internal.AccountPlanRepository;
import com.kap.portfolio.PortfolioSegmentation;
import com.kap.rituals.Occurrence;
import com.kap.rituals.internal.OccurrenceRepository;
import com.kap.support.Api;
import com.kap.support.Browser;
import com.kap.support.CycleForms;
import com.kap.support.KapTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Long lists reach the server whole: a plan pre-filled with 7 actions and 12 objectives, and a Strategic account's
 * calendar of 50 rituals, completed in Tasklist without touching most rows. Camunda Forms used to show 5 rows of a
 * list and submit only those; KAP's lists never collapse.
 */
@KapTest
class LongListsInTasklistTest {

  private static final int YEAR = 2081;

  @Autowired TestRestTemplate rest;
  @Autowired AccountPlanRepository plans;
  @Autowired PortfolioSegmentation segmentation;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired OccurrenceRepository occurrences;
  @LocalServerPort int port;

  @Test
  void aPlanWithSevenActionsAndTwelveObjectivesKeepsThemAll() throws Exception {
    String account = "ACC-024"; // Tundra Outdoor, Streamline, KAM alice
    approvedPlanOfLastYear(account, 12, 7);
    Api api = new Api(rest);
    String cycleId = api.postJson("diane", "/engine-rest/process-definition/key/annualPlanningCycle/submit-form",
        CycleForms.startForm(YEAR), JsonNode.class).getBody().get("id").asText();
    String validation = api.awaitTask("diane", "processInstanceId=" + cycleId).get("id").asText();
    api.postJson("diane", "/engine-rest/task/" + validation + "/submit-form", "{\"variables\":{}}", String.class);
    api.awaitTask("alice", "taskDefinitionKey=draftAccountPlan&processInstanceBusinessKey=" + YEAR + "-" + account);

    try (Browser browser = new Browser(port)) {
      browser.logIntoTasklist("alice", "demo");
      browser.pickTask("Plans to draft", "Draft account plan", "Tundra Outdoor", String.valueOf(YEAR));
      browser.waitForText("Pre-filled from your approved " + (YEAR - 1) + " plan");
      assertThat(browser.pageText()).doesNotContain("Expand all");
      browser.screenshot("longLists-plan");
      browser.click(By.xpath("//button[normalize-space()='Complete']"));
      awaitGone(api, "alice", "taskDefinitionKey=draftAccountPlan&processInstanceBusinessKey=" + YEAR + "-" + account);
    }
    JsonNode content = api.get("alice", "/api/accounts/" + account + "/plans/" + YEAR, JsonNode.class).getBody()
        .get("versions").get(0).get("content");
    assertThat(content.get("objectives")).hasSize(12);
    assertThat(content.get("actions")).hasSize(7);
    assertThat(content.get("actions").get(6).get("action").asText()).isEqualTo("Action 7");
    assertThat(content.get("objectives").get(11).get("description").asText()).isEqualTo("Objective 12");
    // the form counted every row it held, and the server compared the count with the rows that arrived
    assertThat(countedRows("actionsRows", YEAR + "-" + account)).isEqualTo(7);
    assertThat(countedRows("objectivesRows", YEAR + "-" + account)).isEqualTo(12);
  }

  private long countedRows(String variable, String businessKey) {
    String instance = historyService.createHistoricProcessInstanceQuery().processDefinitionKey("accountPlan")
        .processInstanceBusinessKey(businessKey).singleResult().getId();
    return ((Number) historyService.createHistoricVariableInstanceQuery().processInstanceId(instance)
        .variableName(variable).includeDeleted().singleResult().getValue()).longValue();
  }

  @Test
  void aCalendarOfFiftyRitualsIsProposedWhole() throws Exception {
    String account = "ACC-003"; // Strategic, KAM alice
    runtimeService.startProcessInstanceByKey("ritualPlan", YEAR + "-" + account);
    Api api = new Api(rest);
    api.awaitTask("alice", "taskDefinitionKey=proposeRitualCalendar&processInstanceBusinessKey=" + YEAR + "-"
        + account);

    try (Browser browser = new Browser(port)) {
      browser.logIntoTasklist("alice", "demo");
      browser.pickTask("Rituals to hold", "Propose ritual calendar", "Atlas Logistics", String.valueOf(YEAR));
      browser.waitForText("Ritual calendar " + YEAR);
      assertThat(browser.pageText()).doesNotContain("Expand all");
      List<WebElement> participants = browser.driver().findElements(By.xpath(
          "//*[contains(@class,'fjs-form-field-textfield')][.//label[normalize-space()='Customer participants']]//input"));
      assertThat(participants).hasSize(50);
      for (WebElement field : participants) {
        if (field.getAttribute("value").isEmpty()) {
          browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'});", field);
          field.sendKeys("Purchasing director");
        }
      }
      browser.screenshot("longLists-calendar");
      browser.click(By.xpath("//button[normalize-space()='Complete']"));
      awaitGone(api, "alice", "taskDefinitionKey=proposeRitualCalendar&processInstanceBusinessKey=" + YEAR + "-"
          + account);
    }
    assertThat(occurrences.findByPlan(YEAR, account)).as("proposed rituals").hasSize(50)
        .allMatch(ritual -> ritual.status() == Occurrence.Status.PROPOSED);
    String instance = historyService.createHistoricProcessInstanceQuery().processDefinitionKey("ritualPlan")
        .processInstanceBusinessKey(YEAR + "-" + account).singleResult().getId();
    assertThat(((Number) historyService.createHistoricVariableInstanceQuery().processInstanceId(instance)
        .variableName("ritualsRows").includeDeleted().singleResult().getValue()).longValue())
        .as("the rows the form counted").isEqualTo(50);
  }

  private void approvedPlanOfLastYear(String account, int objectives, int actions) {
    int last = YEAR - 1;
    segmentation.segment(last);
    plans.insert(new AccountPlan(last, account, "seeded-by-test", "alice", "Streamline",
        AccountPlan.Status.DRAFTING, Instant.now(), null, null));
    LocalDate due = LocalDate.of(YEAR, 6, 30);
    List<PlanContent.Objective> objectiveRows = new ArrayList<>();
    for (int i = 1; i <= objectives; i++) {
      objectiveRows.add(new PlanContent.Objective(i == 1 ? "profitability" : "revenue", "Objective " + i, "Metric",
          "1", "2", due));
    }
    List<PlanContent.Action> actionRows = new ArrayList<>();
    for (int i = 1; i <= actions; i++) {
      actionRows.add(new PlanContent.Action("Action " + i, "alice", due));
    }
    PlanContent content = new PlanContent("Stable volumes", null, null, null, objectiveRows, null, actionRows,
        List.of(), List.of(), null);
    int version = plans.addVersion(last, account, "alice", Instant.now(), content, List.of());
    plans.approve(last, account, version, Instant.now());
  }

  private static void awaitGone(Api api, String user, String query) {
    await("the task to be completed: " + query).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
        .until(() -> api.tasks(user, query).isEmpty());
  }
}
