package com.kap.planning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.kap.support.Api;
import com.kap.support.Browser;
import com.kap.support.KapTest;
import com.kap.support.TasklistForm;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The training coordinator records training delivered in the real Tasklist, in headless Chromium: hana logs in
 * through the login page, clicks "Start process", picks "Record training delivered", fills the form by its labels
 * and starts it; the session is then read through {@code GET /api/programme/{year}/training}, hana its recorder.
 */
@KapTest
class RecordTrainingInTasklistTest {

  private static final int YEAR = 2154;

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngineConfigurationImpl engine;
  @LocalServerPort int port;

  @AfterEach
  void reset() {
    ClockUtil.reset();
    if (!engine.getJobExecutor().isActive()) {
      engine.getJobExecutor().start();
    }
  }

  @Test
  void hanaRecordsATrainingSessionFromStartProcess() throws Exception {
    Api api = new Api(rest);
    TrainingYears.cycle(api, YEAR);

    try (Browser browser = new Browser(port)) {
      // a laptop's window: the form is taller than the dialog's view, so its Start button is reached by scrolling
      browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 720));
      browser.logIntoTasklist("hana", "demo");
      browser.startProcess("Record training delivered");
      browser.waitForText("One session a form");
      new TasklistForm(browser)
          .type("Cycle year", String.valueOf(YEAR))
          .type("Training", "Value selling workshop")
          .pick("Audience", "KAM")
          .date("Delivered on", LocalDate.of(YEAR, 11, 20))
          .type("Duration in hours", "3.5")
          .type("Participants", "alice, zed")
          .type("Accounts it serves", "ACC-003, ACC-024")
          .type("Notes", "Run by the sales academy; slides on the intranet");
      // a login that is no KAP user: the server refuses, and says so where the user looks, the form scrolled down
      browser.click(By.xpath("//div[contains(@class,'modal')]//button[normalize-space()='Start']"));
      browser.waitForText("Participants: not KAP users: zed");
      WebElement refusal = browser.find(By.xpath("//div[contains(@class,'modal')]//*[contains(normalize-space(),"
          + "'Participants: not KAP users: zed') and not(*[contains(normalize-space(),'not KAP users')])]"));
      Object[] inView = ((List<?>) browser.driver().executeScript("const r = arguments[0].getBoundingClientRect();"
          + "return [r.top, r.bottom, window.innerHeight];", refusal)).toArray();
      assertThat(((Number) inView[0]).doubleValue()).as("the refusal's top is in the window: " + List.of(inView))
          .isGreaterThanOrEqualTo(0);
      assertThat(((Number) inView[1]).doubleValue()).as("and its bottom").isLessThanOrEqualTo(
          ((Number) inView[2]).doubleValue());
      browser.screenshot("recordTrainingRefused");
      new TasklistForm(browser).type("Participants", "alice, bruno, chen");
      browser.screenshot("recordTrainingFilled");
      // recorded the week after: the server refuses a day in the future
      engine.getJobExecutor().shutdown();
      ClockUtil.setCurrentTime(Date.from(Instant.parse(YEAR + "-11-27T10:00:00Z")));
      browser.clickStart();
      ClockUtil.reset();
      engine.getJobExecutor().start();
      assertThat(browser.refusedRequests()).as("only the attempt with 'zed' was refused").hasSize(1)
          .allMatch(request -> request.startsWith("400 ") && request.endsWith("/submit-form"));
    }

    JsonNode sessions = api.get("hana", "/api/programme/" + YEAR + "/training", JsonNode.class).getBody();
    JsonNode session = null;
    for (JsonNode candidate : sessions) {
      if (candidate.get("title").asText().equals("Value selling workshop")) {
        session = candidate;
      }
    }
    assertThat(session).as(String.valueOf(sessions)).isNotNull();
    assertThat(session.get("year").asInt()).isEqualTo(YEAR);
    assertThat(session.get("audience").asText()).isEqualTo("kam");
    assertThat(session.get("deliveredOn").asText()).isEqualTo(YEAR + "-11-20");
    assertThat(session.get("hours").decimalValue()).isEqualByComparingTo("3.5");
    assertThat(session.get("participants").toString()).isEqualTo("[\"alice\",\"bruno\",\"chen\"]");
    assertThat(session.get("accountIds").toString()).isEqualTo("[\"ACC-003\",\"ACC-024\"]");
    assertThat(session.get("notes").asText()).isEqualTo("Run by the sales academy; slides on the intranet");
    assertThat(session.get("recordedBy").asText()).isEqualTo("hana");
  }
}
