package com.kap.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.kap.support.Api;
import com.kap.support.Browser;
import com.kap.support.CycleForms;
import com.kap.support.KapTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A process owner reads the running instances of KAP's processes, as Cockpit shows them, but changes none, and sees
 * no budget instance: a bid's variables hold blind scores.
 */
@KapTest
class ProcessOwnerInstancesTest {

  private static final int YEAR = 2057;

  @Autowired TestRestTemplate rest;
  @LocalServerPort int port;

  @Test
  void paulaReadsRunningPlansButNoBudgetInstanceAndChangesNothing() throws Exception {
    Api api = new Api(rest);
    String cycleId = api.postJson("diane", "/engine-rest/process-definition/key/annualPlanningCycle/submit-form",
        CycleForms.startForm(YEAR), JsonNode.class).getBody().get("id").asText();
    String validation = api.awaitTask("diane", "processInstanceId=" + cycleId).get("id").asText();
    api.postJson("diane", "/engine-rest/task/" + validation + "/submit-form", "{\"variables\":{}}", String.class);
    String planInstance = api.awaitTask("alice", "taskDefinitionKey=draftAccountPlan&processInstanceBusinessKey="
        + YEAR + "-ACC-024").get("processInstanceId").asText();

    JsonNode plans = api.get("paula", "/engine-rest/process-instance?maxResults=100&businessKey=" + YEAR + "-ACC-024",
        JsonNode.class).getBody();
    assertThat(plans.findValuesAsText("id")).as("the running plan").contains(planInstance);
    assertThat(api.get("paula", "/engine-rest/process-instance/" + planInstance + "/variables", String.class)
        .getStatusCode().value()).isEqualTo(200);
    assertThat(api.get("paula", "/engine-rest/history/process-instance?maxResults=10&processInstanceId="
        + planInstance, JsonNode.class).getBody()).as("its history").hasSize(1);

    assertThat(api.putJson("paula", "/engine-rest/process-instance/" + planInstance + "/suspended",
        "{\"suspended\":true}", String.class).getStatusCode().value()).as("suspend it").isEqualTo(403);
    assertThat(api.putJson("paula", "/engine-rest/process-instance/" + planInstance + "/variables/customerSituation",
        "{\"value\":\"changed\",\"type\":\"String\"}", String.class).getStatusCode().value())
        .as("change a variable").isEqualTo(403);

    try (Browser browser = new Browser(port)) {
      browser.logInto("cockpit", "paula", "demo");
      browser.open("cockpit", "#/processes");
      browser.click(By.xpath("//a[normalize-space()='Account plan']"));
      browser.find(By.xpath("//*[contains(normalize-space(text()), '" + YEAR + "-ACC-024')]"));
      browser.screenshot("cockpit-running-plans");
    }

    assertThat(api.get("paula", "/engine-rest/process-instance?maxResults=100&processDefinitionKey=investmentBid",
        JsonNode.class).getBody()).as("no bid").isEmpty();
    assertThat(api.get("paula", "/engine-rest/process-instance?maxResults=100&processDefinitionKey=budgetRound",
        JsonNode.class).getBody()).as("no round").isEmpty();
    assertThat(api.get("paula", "/engine-rest/history/variable-instance?maxResults=100&variableName="
        + "scoreStrategicFit", JsonNode.class).getBody()).as("no score").isEmpty();
  }
}
