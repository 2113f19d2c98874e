package com.kap.budget;

import static com.kap.budget.BudgetFixture.bid;
import static com.kap.budget.BudgetFixture.round;
import static org.assertj.core.api.Assertions.assertThat;

import com.kap.budget.internal.BidResultRepository;
import com.kap.budget.internal.BidResultRepository.BidResult;
import com.kap.budget.internal.BudgetIds;
import com.kap.support.Browser;
import com.kap.support.ProcessTest;
import com.kap.support.TasklistForm;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * alice reports what her funded bid delivered in the real Tasklist, in headless Chromium: she logs in through the
 * login page, picks "Report bid results" from "My tasks" by its account and year, types the three fields and
 * completes it; the report is in KAP's tables.
 */
@ProcessTest
class BidResultsInTasklistTest extends BudgetProcessTestBase {

  private static final int YEAR = 2123;

  @Autowired BidResultRepository results;
  @LocalServerPort int port;

  @Test
  void aliceReportsHerFundedBidsResultsInTasklist() throws Exception {
    fixture.approvePlans(YEAR, "ACC-009");
    ProcessInstance round = fixture.startRound(round("EMEA " + YEAR, "EMEA", YEAR, 100_000));
    ProcessInstance pilot = fixture.submitBid("alice", bid("ACC-009", "Cold-chain pilot", "retention", 20_000));
    fixture.closeCall(round);
    fixture.scoreByCommittee(pilot, 4);
    fixture.complete(round, "fatima", "director", Map.of("decision", "accept"));
    fixture.runDueJobs();
    String bidId = fixture.bidId(pilot);
    ProcessInstance report = runtimeService.createProcessInstanceQuery().processDefinitionKey("bidResults")
        .processInstanceBusinessKey(bidId).singleResult();
    // the six months of a retention bid pass
    Job due = fixture.managementService.createJobQuery().processInstanceId(report.getId()).timers()
        .activityId("resultsDue").singleResult();
    fixture.managementService.executeJob(due.getId());

    try (Browser browser = new Browser(port)) {
      browser.logIntoTasklist("alice", "demo");
      browser.pickTask("My tasks", "Report bid results", "Sierra Foods", String.valueOf(YEAR));
      browser.waitForText("Results of bid " + bidId + ": Cold-chain pilot");
      assertThat(browser.pageText()).contains("Promised", "60,000");
      browser.screenshot("reportBidResults");
      new TasklistForm(browser)
          .type("Value delivered", "45000")
          .type("What was delivered", "Spoilage down 30 % on two routes; the third starts in spring")
          .type("Evidence", "Quality report QR-88, signed off by the customer's logistics lead");
      browser.screenshot("reportBidResultsFilled");
      browser.completeAndSeeTheTaskGo();
      assertThat(browser.refusedRequests()).as("no request refused").isEmpty();
    }

    BidResult stored = results.find(BudgetIds.bidNo(bidId).getAsLong()).orElseThrow();
    assertThat(stored.valueDelivered()).isEqualTo(45_000L);
    assertThat(stored.narrative()).isEqualTo("Spoilage down 30 % on two routes; the third starts in spring");
    assertThat(stored.evidence()).isEqualTo("Quality report QR-88, signed off by the customer's logistics lead");
    assertThat(stored.reportedBy()).isEqualTo("alice");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(report.getId()).count()).isZero();
  }
}
