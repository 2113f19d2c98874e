package com.kap.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.kap.support.Api;
import com.kap.support.Browser;
import com.kap.support.KapTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The programme director logs into Tasklist, opens the segmentation form, claims and completes it. */
@KapTest
class ValidateSegmentationInTasklistTest {

  @Autowired TestRestTemplate rest;
  @LocalServerPort int port;

  @Test
  void dianeValidatesTheSegmentationInTasklist() throws Exception {
    Api api = new Api(rest);
    String instanceId = api.postJson("diane", "/engine-rest/process-definition/key/annualPlanningCycle/submit-form",
        "{\"variables\":{\"year\":{\"value\":2050},\"planDeadline\":{\"value\":\"2049-12-15\"},\"closingDate\":{\"value\":\"2050-03-31\"}}}", JsonNode.class).getBody().get("id").asText();
    String taskId = api.awaitTask("diane", "processInstanceId=" + instanceId).get("id").asText();

    try (Browser browser = new Browser(port)) {
      browser.logIntoTasklist("diane", "demo");
      // diane, the only programme director, finds the task in "My tasks", ready: no claim step
      browser.pickTask("My tasks", "Validate segmentation", "2050");
      browser.waitForText("Segmentation 2050");
      browser.find(By.cssSelector(".fjs-form img"));
      browser.screenshot("validateSegmentation");
      assertThat(browser.pageText()).contains("Strategic", "Streamline", "ACC-001");

      browser.click(By.cssSelector(".fjs-repeat-render-add"));
      browser.type(By.cssSelector("[id^='fjs-form'][id*='overrideAccount'] , .fjs-form-field-select input"), "ACC-024");
      browser.click(By.cssSelector(".fjs-dropdownlist-item"));
      browser.click(By.xpath("(//div[contains(@class,'fjs-form-field-select')])[2]//div[contains(@class,'fjs-input-group')]"));
      browser.click(By.xpath("//div[contains(@class,'fjs-dropdownlist-item') and normalize-space()='Strategic']"));
      browser.type(By.cssSelector(".fjs-form-field-textarea textarea"), "Signed a global framework agreement");
      browser.screenshot("validateSegmentationFilled");
      browser.click(By.xpath("//button[normalize-space()='Complete']"));
      try {
        // the task leaves diane's list (she keeps others of other cycles)
        await("the validation to be completed").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
            .until(() -> api.tasks("diane", "processInstanceId=" + instanceId
                + "&taskDefinitionKey=validateSegmentation").isEmpty());
      } finally {
        browser.screenshot("validateSegmentationCompleted");
      }
    }

    assertThat(api.get("admin", "/engine-rest/history/task?maxResults=100&finished=true&taskDefinitionKey=validateSegmentation"
        + "&processInstanceId=" + instanceId, JsonNode.class).getBody()).hasSize(1);
    JsonNode override = api.get("diane", "/api/accounts/ACC-024", JsonNode.class).getBody()
        .get("segmentsByYear").get("2050");
    assertThat(override.get("segment").asText()).isEqualTo("Strategic");
    assertThat(override.get("override").get("reason").asText()).isEqualTo("Signed a global framework agreement");
    assertThat(override.get("override").get("by").asText()).isEqualTo("diane");
  }

}
