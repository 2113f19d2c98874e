package com.kap.support;

import static com.kap.support.CycleForms.goodPlan;
import static com.kap.support.CycleForms.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The planning cycle of 2100 that the export tests read, produced once per test JVM through the API as the demo users
 * produce it: diane starts it and moves {@value #OVERRIDDEN} to Status with a reason; every KAM submits every plan
 * (alice's {@value #PLAN_ACCOUNT} with the objectives and actions below); gilles reviews as sponsor; diane approves
 * every plan but {@value #IN_REVIEW}, which stays in review. Only the export tests use 2100 (every year 2030-2099 is some test's, some computed, e.g. 2042 + 1; years from 2101
 * are free for new tests).
 */
public final class ExportYear {

  public static final int YEAR = 2100; // every year 2030-2099 is some test's
  /** Atlas Logistics, alice's, sponsored by gilles: the plan the PDF tests print. */
  public static final String PLAN_ACCOUNT = "ACC-003";
  /** Maple Paper, chen's: its plan is submitted and left in review. */
  public static final String IN_REVIEW = "ACC-014";
  /** Tundra Outdoor, alice's: the segment diane overrides in the validation. */
  public static final String OVERRIDDEN = "ACC-024";
  public static final String OVERRIDE_REASON = "Strong relationship after the merger";
  public static final String OBJECTIVE = "Lift gross margin on cold-chain lanes";
  public static final String ACTION = "Joint pricing workshop with Atlas procurement";
  /** Letters beyond Western European: the PDF lays them out in its fallback font. */
  public static final String STRATEGY = "Value pricing on cold-chain lanes to Łódź and Kraków";
  public static final String SITUATION = "Atlas consolidates its European freight forwarders from nine to three";

  private static boolean done;

  private ExportYear() {}

  /** The cycle as described above; started only once per JVM. */
  public static synchronized void ensure(Api api) throws InterruptedException {
    if (done) {
      return;
    }
    DemoCycle cycle = new DemoCycle(api, YEAR);
    ResponseEntity<JsonNode> started = cycle.start();
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode validation = api.awaitTask("diane", "processInstanceId=" + started.getBody().get("id").asText());
    assertThat(cycle.submit("diane", validation, json("overrides", "[{\"accountId\":\"" + OVERRIDDEN
        + "\",\"segment\":\"Status\",\"reason\":\"" + OVERRIDE_REASON + "\"}]")).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    int accounts = cycle.accounts();
    for (JsonNode draft : cycle.awaitDrafts(accounts)) {
      boolean atlas = businessKey(api, draft).equals(YEAR + "-" + PLAN_ACCOUNT);
      assertThat(cycle.complete(draft, atlas ? atlasPlan() : goodPlan()).getStatusCode())
          .isEqualTo(HttpStatus.NO_CONTENT);
    }
    for (JsonNode review : cycle.sponsorReviews()) {
      assertThat(cycle.submit("gilles", review, "\"sponsorComments\":{\"value\":\"Agreed\"},"
          + "\"touchpointCommitments\":{\"value\":\"Top-to-top with the Atlas board each quarter\"}")
          .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }
    await("every plan to wait for the programme director").atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200)).until(() -> cycle.approvals().size() == accounts);
    List<JsonNode> approvals = cycle.approvals();
    for (JsonNode approval : approvals) {
      if (!businessKey(api, approval).equals(YEAR + "-" + IN_REVIEW)) {
        assertThat(cycle.submit("diane", approval, "\"decision\":{\"value\":\"approve\"}").getStatusCode())
            .isEqualTo(HttpStatus.NO_CONTENT);
      }
    }
    done = true;
  }

  private static String businessKey(Api api, JsonNode task) {
    return api.get("admin", "/engine-rest/process-instance/" + task.get("processInstanceId").asText(),
        JsonNode.class).getBody().get("businessKey").asText();
  }

  private static String atlasPlan() {
    return "\"customerSituation\":{\"value\":\"" + SITUATION + "\"},"
        + "\"customerStrategy\":{\"value\":\"Fewer, deeper partnerships with outcome-based contracts\"},"
        + "\"strengths\":{\"value\":\"On-time delivery of 98 %\"},"
        + "\"vulnerabilities\":{\"value\":\"Our prices are 6 % above the cheapest bidder\"},"
        + "\"strategies\":{\"value\":\"" + STRATEGY + "\"},"
        + "\"sponsorTouchpoints\":{\"value\":\"Quarterly top-to-top\"},"
        + json("objectives", "[{\"type\":\"profitability\",\"description\":\"" + OBJECTIVE + "\","
            + "\"metric\":\"Gross margin\",\"baseline\":\"24%\",\"target\":\"28%\",\"dueDate\":\"" + YEAR + "-12-31\"},"
            + "{\"type\":\"relationship\",\"description\":\"Executive access\",\"metric\":\"Board meetings\","
            + "\"baseline\":\"1\",\"target\":\"4\",\"dueDate\":\"" + YEAR + "-12-31\"}]") + ","
        + json("actions", "[{\"action\":\"" + ACTION + "\",\"owner\":\"alice\",\"dueDate\":\"" + YEAR + "-03-31\"}]")
        + ","
        + json("risks", "[{\"risk\":\"A competitor undercuts on price\",\"likelihood\":\"high\","
            + "\"mitigation\":\"Show the cost of late deliveries\"}]") + ","
        + json("trainingNeeds", "[{\"forWhom\":\"kam\",\"need\":\"Value selling\"}]") + ","
        + json("stakeholders", CycleForms.STAKEHOLDERS);
  }
}
