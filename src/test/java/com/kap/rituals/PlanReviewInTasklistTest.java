package com.kap.rituals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.kap.planning.AccountPlanProcessTest;
import com.kap.planning.internal.AccountPlanRepository;
import com.kap.portfolio.PortfolioSegmentation;
import com.kap.rituals.internal.FollowUpRepository;
import com.kap.support.Api;
import com.kap.support.AsUser;
import com.kap.support.Browser;
import com.kap.support.KapTest;
import com.kap.support.TasklistForm;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The mid-year plan review in headless Chromium, as a KAM does it: alice logs in through the login page, finds the
 * plan review in "Plan reviews to record", claims it, types the actual of each objective and an action's status,
 * and completes it; then she opens her action's task in "Actions to follow up", marks it done and completes it,
 * and reads the plan's progress on the account page. The outcome is read through the progress API.
 */
@KapTest
class PlanReviewInTasklistTest {

  private static final int YEAR = 2133;
  private static final String ACCOUNT = "ACC-003"; // Atlas Logistics: Strategic, KAM alice, sponsor gilles

  @Autowired RuntimeService runtimeService;
  @Autowired org.camunda.bpm.engine.HistoryService historyService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired ProcessEngineConfigurationImpl engine;
  @Autowired PortfolioSegmentation segmentation;
  @Autowired AccountPlanRepository plans;
  @Autowired FollowUpRepository actions;
  @Autowired TestRestTemplate rest;
  @LocalServerPort int port;

  @AfterEach
  void reset() {
    ClockUtil.reset();
    if (!engine.getJobExecutor().isActive()) {
      engine.getJobExecutor().start();
    }
  }

  @Test
  void aKamRecordsTheMidYearReviewAndClosesHerAction() throws Exception {
    String reviewTaskId = planReviewDue();
    Api api = new Api(rest);

    try (Browser browser = new Browser(port)) {
      browser.logIntoTasklist("alice", "demo");
      browser.pickTask("Plan reviews to record", "Hold ritual", "Atlas Logistics", String.valueOf(YEAR));
      browser.click(By.xpath("//*[(self::a or self::button) and normalize-space()='Claim']"));
      browser.waitForText("Plan review with the programme director");
      TasklistForm form = new TasklistForm(browser);
      form.choose("Yes");
      browser.waitForText("Plan review: actuals against the " + YEAR + " plan");
      form.type("Attendees", "diane, alice");
      form.type("Minutes", "Half-year review: revenue on track, margin behind");
      // a list without "Add new" shows its rows as they came: the plan's objectives and targets, read-only
      assertThat(browser.find(field("Objectives", "Target", 1, "input")).getAttribute("value")).isEqualTo("4.6M");
      assertThat(browser.find(field("Objectives", "Target", 2, "input")).getAttribute("value")).isEqualTo("28%");
      assertThat(browser.find(field("Plan actions", "Plan action", 2, "input")).getAttribute("value"))
          .isEqualTo("Joint roadmap with their COO");
      type(browser, field("Objectives", "Actual", 1, "input"), "2.3");
      type(browser, field("Objectives", "Actual", 2, "input"), "26");
      browser.click(field("Plan actions", "Status", 2, "div[contains(@class,'fjs-input-group')]"));
      browser.click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][normalize-space()='In progress']"));
      browser.screenshot("plan-review-filled");
      // the review is recorded the Monday after it was held: the server refuses a held date in the future
      engine.getJobExecutor().shutdown();
      ClockUtil.setCurrentTime(Date.from(Instant.parse(YEAR + "-07-02T10:00:00Z")));
      browser.completeAndSeeTheTaskGo();
      ClockUtil.reset();
      engine.getJobExecutor().start();
      await("the review to be recorded").atMost(Duration.ofSeconds(30))
          .until(() -> !actions.actuals(ACCOUNT, YEAR).isEmpty());

      browser.pickTask("Actions to follow up", "Follow up action", "Atlas Logistics", String.valueOf(YEAR));
      browser.waitForText("Price review workshop");
      form.choose("Done");
      form.type("Note", "Workshop held with their procurement team");
      browser.screenshot("follow-up-action-done");
      browser.completeAndSeeTheTaskGo();
      await("the action to be closed").atMost(Duration.ofSeconds(30)).until(() ->
          actions.findByPlan(YEAR, ACCOUNT).get(0).status() == FollowUpAction.Status.DONE);

      // the account page shows the plan's progress
      browser.openPage("/kap/accounts/" + ACCOUNT);
      browser.waitForText("Objectives of the " + YEAR + " plan");
      assertThat(browser.find(By.id("plan-progress-actions-" + YEAR)).getText()).contains("1 of 2 actions done");
      assertThat(browser.find(By.id("plan-progress-" + YEAR)).getText()).contains("Grow revenue", "4.6M", "2.3",
          "50 %", "Lift gross margin", "28%", "26", "93 %", "review of " + YEAR + "-06-29");
      browser.screenshot("account-page-plan-progress");
      assertThat(browser.seriousAccessibilityViolations()).as("axe-core on the account page").isEmpty();

      // Tasklist may read a task it has just completed once more (404, a race with its refresh): nothing else
      List<String> completedTasks = historyService.createHistoricTaskInstanceQuery().finished().taskAssignee("alice")
          .list().stream().map(t -> t.getId()).toList();
      List<String> completed = new java.util.ArrayList<>(completedTasks);
      completed.add(reviewTaskId);
      assertThat(browser.refusedRequests()).as("requests the server refused on the way")
          .allSatisfy(refused -> assertThat(completed).anySatisfy(id ->
              assertThat(refused).startsWith("404 ").endsWith("/task/" + id)));
    }

    JsonNode progress = api.get("alice", "/api/accounts/" + ACCOUNT + "/plans/" + YEAR + "/progress", JsonNode.class)
        .getBody();
    assertThat(progress.get("objectives").findValuesAsText("percent")).containsExactly("50", "93");
    assertThat(progress.get("objectives").findValuesAsText("reviewedOn")).containsOnly(YEAR + "-06-29");
    assertThat(progress.get("actionsDone").asInt()).isEqualTo(1);
    assertThat(progress.get("actionsTotal").asInt()).isEqualTo(2);
    JsonNode workshop = progress.get("actions").get(0);
    assertThat(workshop.get("action").asText()).isEqualTo("Price review workshop");
    assertThat(workshop.get("status").asText()).isEqualTo("DONE");
    assertThat(workshop.get("closedBy").asText()).isEqualTo("alice");
    assertThat(workshop.get("note").asText()).isEqualTo("Workshop held with their procurement team");
    assertThat(progress.get("actions").get(1).get("status").asText()).isEqualTo("IN_PROGRESS");
  }

  /** The n-th field (from 1) labelled {@code label} in the dynamic list labelled {@code list}, and in it {@code what}. */
  private static By field(String list, String label, int n, String what) {
    return By.xpath("(//div[contains(@class,'fjs-form-field-dynamiclist')][./label[normalize-space()='" + list
        + "']]//div[contains(@class,'fjs-form-field ')][./label[normalize-space(translate(., '*', ''))='" + label
        + "']])[" + n + "]//" + what);
  }

  /** Types into a field and leaves it, as a person does: the form takes the value when the field loses focus. */
  private static void type(Browser browser, By input, String text) {
    browser.whenRedrawnAgain(() -> {
      org.openqa.selenium.WebElement element = browser.find(input);
      browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
      element.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"),
          org.openqa.selenium.Keys.DELETE);
      element.sendKeys(text, org.openqa.selenium.Keys.TAB);
    });
  }

  /** The plan approved with two actions, its ritual calendar one plan review, and the review's day come. */
  private String planReviewDue() {
    ProcessInstance plan = AccountPlanProcessTest.startPlan(runtimeService, segmentation, plans, YEAR, ACCOUNT);
    Map<String, Object> content = AccountPlanProcessTest.fullPlan();
    content.put("actions", Spin.JSON(List.of(
        Map.of("action", "Price review workshop", "owner", "alice", "dueDate", YEAR + "-09-30"),
        Map.of("action", "Joint roadmap with their COO", "owner", "diane", "dueDate", YEAR + "-10-15"))));
    complete(plan, "alice", "kam", content);
    complete(plan, "gilles", "executive-sponsor", Map.of("sponsorComments", "Good",
        "touchpointCommitments", "Quarterly top-to-top"));
    complete(plan, "diane", "programme-director", Map.of("decision", "approve"));
    ProcessInstance rituals = await("the ritual plan").atMost(Duration.ofSeconds(30)).until(() ->
        runtimeService.createProcessInstanceQuery().processDefinitionKey("ritualPlan")
            .processInstanceBusinessKey(YEAR + "-" + ACCOUNT).singleResult(), p -> p != null);
    await("the plan's actions").atMost(Duration.ofSeconds(30))
        .until(() -> actions.findByPlan(YEAR, ACCOUNT).size() == 2);
    Map<String, Object> calendar = new HashMap<>();
    calendar.put("rituals", Spin.JSON(List.of(Map.of("ritualType", "planReview", "date", YEAR + "-06-29"))));
    calendar.put("justification", "The half-year review only, to start tracking");
    complete(rituals, "alice", "kam", calendar);
    complete(rituals, "diane", "programme-director", Map.of("calendarDecision", "validate"));
    managementService.executeJob(await("the review's day").atMost(Duration.ofSeconds(30)).until(() ->
        managementService.createJobQuery().processInstanceId(rituals.getId()).timers().activityId("nextRitualDay")
            .singleResult(), job -> job != null).getId());
    return taskService.createTaskQuery().processInstanceId(rituals.getId()).taskDefinitionKey("holdRitual")
        .singleResult().getId();
  }

  private void complete(ProcessInstance instance, String user, String group, Map<String, Object> variables) {
    Task task = await("a task of " + user).atMost(Duration.ofSeconds(30)).until(() -> taskService.createTaskQuery()
        .processInstanceId(instance.getId()).active().list().stream().findFirst().orElse(null), t -> t != null);
    AsUser.complete(identityService, taskService, task, user, group, variables);
  }
}
