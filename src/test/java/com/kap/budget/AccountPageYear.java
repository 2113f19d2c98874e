package com.kap.budget;

import static com.kap.support.CycleForms.goodPlan;
import static com.kap.support.CycleForms.json;
import static com.kap.support.CycleForms.revenueOnlyPlan;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.kap.support.Api;
import com.kap.support.DemoCycle;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The planning cycle of 2084, the year of the account page's tests ({@link AccountPageTest},
 * {@link AccountPageInBrowserTest}), driven as the demo users drive it: started by diane, who moves Atlas Logistics
 * (ACC-003, Strategic by its scores) to Star with a reason. Whichever test class of a JVM comes first starts it; each
 * then works on accounts of its own.
 */
final class AccountPageYear {

  static final int YEAR = 2084;
  static final String SEGMENT_REASON = "Volumes doubled after the merger; the relationship is still young";
  /** What the second version of a plan says of the customer where the first said "Consolidating suppliers". */
  static final String NEW_SITUATION = "Consolidating suppliers after the merger with Nordic Freight";

  private AccountPageYear() {}

  /** Starts the year's cycle and validates its segmentation, unless a test class of this JVM did already. */
  static synchronized void cycle(Api api) throws InterruptedException {
    DemoCycle cycle = new DemoCycle(api, YEAR);
    ResponseEntity<JsonNode> started = cycle.start();
    if (started.getStatusCode() == HttpStatus.BAD_REQUEST) {
      assertThat(started.getBody().get("message").asText()).contains("has already been started");
      return;
    }
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode validation = api.awaitTask("diane", "processInstanceId=" + started.getBody().get("id").asText());
    assertThat(cycle.submit("diane", validation, json("overrides", "[{\"accountId\":\"ACC-003\",\"segment\":\"Star\","
        + "\"reason\":\"" + SEGMENT_REASON + "\"}]")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    cycle.awaitDrafts(cycle.accounts());
  }

  /**
   * The KAM submits the account's plan twice: first with a revenue objective alone, which the quality gate sends
   * back, then with the objective as profitability and the customer's situation rewritten.
   */
  static void draftTwoVersions(Api api, String kam, String accountId) throws InterruptedException {
    String draftOf = "taskDefinitionKey=draftAccountPlan&processInstanceBusinessKey=" + YEAR + "-" + accountId;
    JsonNode first = api.awaitTask(kam, draftOf);
    assertThat(submit(api, kam, first, revenueOnlyPlan()).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    JsonNode second = api.awaitTask(kam, draftOf);
    assertThat(submit(api, kam, second, goodPlan().replace("Consolidating suppliers", NEW_SITUATION))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  static ResponseEntity<String> submit(Api api, String user, JsonNode task, String variables) {
    return api.postJson(user, "/engine-rest/task/" + task.get("id").asText() + "/submit-form",
        "{\"variables\":{" + variables + "}}", String.class);
  }
}
