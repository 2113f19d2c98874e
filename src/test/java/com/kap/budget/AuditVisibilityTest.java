package com.kap.budget;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.kap.budget.internal.BudgetIds;
import com.kap.planning.AccountPlan;
import com.kap.planning.internal.AccountPlanRepository;
import com.kap.support.Api;
import com.kap.support.KapTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Finding 4 of the red-team review: directors and the programme director read bids in the round's audit trail
 * before the call closed, while the bid itself answered 403. The trail now follows the bids' visibility.
 */
@KapTest
class AuditVisibilityTest {

  private static final int YEAR = 2048;

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired AccountPlanRepository plans;
  @Autowired RuntimeService runtimeService;
  private final List<String> started = new ArrayList<>();

  @AfterEach
  void tearDown() {
    started.forEach(id -> runtimeService.deleteProcessInstanceIfExists(id, "test over", true, true, true, true));
    jdbc.update("delete from kap_open_round");
  }

  @Test
  void theAuditTrailShowsNoBidBeforeTheCallCloses() {
    jdbc.update("delete from kap_open_round");
    if (plans.find(YEAR, "ACC-003").isEmpty()) {
      plans.insert(new AccountPlan(YEAR, "ACC-003", "audit", "alice", "Strategic", AccountPlan.Status.APPROVED,
          Instant.now(), Instant.now(), 1));
    }
    Api api = new Api(rest);
    JsonNode round = ok(api.postJson("diane", "/engine-rest/process-definition/key/budgetRound/submit-form",
        BudgetForms.round("Audit " + YEAR, null, YEAR), JsonNode.class));
    started.add(round.get("id").asText());
    JsonNode bid = ok(api.postJson("alice", "/engine-rest/process-definition/key/investmentBid/submit-form",
        BudgetForms.bid("ACC-003", 20_000), JsonNode.class));
    started.add(bid.get("id").asText());
    String bidId = bid.get("businessKey").asText();
    String roundId = round.get("businessKey").asText();
    assertThat(jdbc.queryForObject("select count(*) from kap_budget_audit where bid_no = ?", Long.class,
        BudgetIds.bidNo(bidId).orElseThrow())).as("the bid is audited").isPositive();

    for (String reader : List.of("diane", "eric", "admin")) {
      assertThat(api.get(reader, "/api/budget/bids/" + bidId, String.class).getStatusCode().value())
          .as(reader + " reads the bid").isEqualTo(403);
      JsonNode trail = ok(api.get(reader, "/api/budget/rounds/" + roundId + "/audit", JsonNode.class));
      assertThat(trail.findValues("bidId").stream().filter(v -> !v.isNull()).toList()).as(reader + " reads the bid in the audit trail").isEmpty();
      assertThat(trail.toString()).doesNotContain("Innovation lab");
    }
  }

  private static JsonNode ok(ResponseEntity<JsonNode> answer) {
    assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(200);
    return answer.getBody();
  }
}
