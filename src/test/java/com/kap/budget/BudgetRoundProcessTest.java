package com.kap.budget;

import static com.kap.budget.BudgetFixture.bid;
import static com.kap.budget.BudgetFixture.round;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.kap.budget.internal.Bid;
import com.kap.budget.internal.BudgetIds;
import com.kap.budget.internal.ScoreRepository;
import com.kap.budget.internal.WorkingDays;
import com.kap.support.ProcessTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** budgetRound and investmentBid together, through every path, as their users drive them. */
@ProcessTest
class BudgetRoundProcessTest extends BudgetProcessTestBase {

  @Autowired ScoreRepository scores;
  @Autowired MeterRegistry meterRegistry;

  @Test
  void aRoundScoresBlindCalibratesProposesTheOptimumAndPublishes() {
    fixture.approvePlans(2076, "ACC-003", "ACC-006", "ACC-009", "ACC-021");
    ProcessInstance round = fixture.startRound(round("EMEA 2076", "EMEA", 2076, 100_000));
    assertThat(round).isWaitingAt("closeCallEarly");
    String roundId = runtimeService.createProcessInstanceQuery().processInstanceId(round.getId()).singleResult()
        .getBusinessKey();
    assertThat(roundId).startsWith("R-");

    ProcessInstance lab = fixture.submitBid("alice", bid("ACC-003", "Co-innovation lab", "growth", 50_000));
    ProcessInstance crm = fixture.submitBid("alice", bid("ACC-006", "Joint CRM", "retention", 40_000));
    ProcessInstance pilot = fixture.submitBid("alice", bid("ACC-009", "Pilot plant", "innovation", 30_000));
    ProcessInstance streamline = fixture.submitBid("alice", bid("ACC-021", "New market", "growth", 10_000));
    ProcessInstance noPlan = fixture.submitBid("alice", bid("ACC-015", "Automation", "efficiency", 10_000));
    assertThat(lab).isWaitingAt("reviseBid");
    assertThat(task(lab)).isAssignedTo("alice");
    assertThat(bids.find(BudgetIds.bidNo(fixture.bidId(lab)).getAsLong()).orElseThrow().roundId()).isEqualTo(roundId);

    fixture.closeCall(round);

    assertThat(streamline).isEnded().hasPassed("bidIneligible");
    assertThat(noPlan).isEnded().hasPassed("bidIneligible");
    assertThat(stored(streamline).statusReason()).contains("Streamline accounts may bid for cost-to-serve only");
    assertThat(stored(noPlan).statusReason()).contains("account plan");
    for (ProcessInstance eligible : List.of(lab, crm, pilot)) {
      assertThat(eligible).isWaitingAt("scoreBid");
      assertThat(fixture.scoreTask(eligible, "eric")).isNotNull();
      assertThat(fixture.scoreTask(eligible, "fatima")).isNotNull();
    }
    assertThat(round).isWaitingAt("allBidsScored");

    double scoredBefore = meterRegistry.get("kap.bids.scored").counter().count();
    fixture.score(lab, "eric", 5);
    assertThat(meterRegistry.get("kap.bids.scored").counter().count()).isEqualTo(scoredBefore + 1);
    // blind: eric's scores are in no variable that fatima's task or the process can read
    Task fatimasTask = fixture.scoreTask(lab, "fatima");
    assertThat(fatimasTask.getDueDate()).as("due 5 working days after the call closed").isEqualTo(java.util.Date.from(
        WorkingDays.after(java.time.LocalDate.now(java.time.ZoneOffset.UTC), 5).plusDays(1)
            .atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
    assertThat(taskService.getVariables(fatimasTask.getId())).doesNotContainValue(5L).doesNotContainValue(5)
        .doesNotContainEntry("scoreComment", "eric's view");
    assertThat(runtimeService.getVariables(lab.getId())).doesNotContainKeys("scoreStrategicFit", "scoreComment");
    fixture.score(lab, "fatima", 5);
    assertThat(lab).isWaitingAt("allocationPublished");

    fixture.score(crm, "eric", 1, 1, 1, 1, 1, 1);
    fixture.score(crm, "fatima", 5, 1, 1, 1, 1, 1); // strategic fit spreads by 4
    assertThat(crm).isWaitingAt("calibrateScores");
    assertThat(task(crm)).isAssignedTo("fatima");
    assertThat(runtimeService.getVariable(crm.getId(), "flagStrategicFit")).isEqualTo(true);
    assertThat(runtimeService.getVariable(crm.getId(), "flagRisk")).isEqualTo(false);
    assertThatThrownBy(() -> fixture.complete(crm, "fatima", "director", Map.of("calibrationReason", "agreed")))
        .hasMessageContaining("calibratedStrategicFit: is required");
    fixture.complete(crm, "fatima", "director", Map.of("calibratedStrategicFit", 4,
        "calibrationReason", "Fits the plan's retention objective, not its growth one"));
    fixture.runDueJobs();

    fixture.scoreByCommittee(pilot, 3);

    assertThat(round).isWaitingAt("decideAllocation");
    assertThat(task(round)).isAssignedTo("fatima");
    assertThat(stored(lab).benefit()).isEqualByComparingTo("100");
    assertThat(stored(crm).benefit()).isEqualByComparingTo("35"); // (25×4 + 75×1) / 5
    assertThat(stored(pilot).benefit()).isEqualByComparingTo("60");
    // available 90,000: lab + pilot (160) beats lab + crm (135)
    assertThat((String) runtimeService.getVariable(round.getId(), "allocationSummary"))
        .contains("is proven optimal", "90,000");

    fixture.complete(round, "fatima", "director", Map.of("decision", "accept", "decisionNote", "Focus on growth"));
    fixture.runDueJobs();

    assertThat(round).isEnded().hasPassed("publishAllocation");
    assertThat(lab).isEnded().hasPassed("bidFunded");
    assertThat(pilot).isEnded().hasPassed("bidFunded");
    assertThat(crm).isWaitingAt("considerAppeal");
    assertThat(task(crm)).isAssignedTo("alice");
    assertThat(stored(crm).status()).isEqualTo(BidStatus.UNFUNDED);
    assertThat(stored(crm).statusReason()).startsWith("over budget");
    assertThat((String) runtimeService.getVariable(crm.getId(), "outcomeText")).contains("eric", "fatima",
        "calibrated Strategic fit: 4");

    assertThatThrownBy(() -> fixture.complete(crm, "alice", "kam", Map.of("appeal", "yes")))
        .hasMessageContaining("appealGrounds: is required");
    fixture.complete(crm, "alice", "kam", Map.of("appeal", "yes", "appealGrounds", "Retention risk understated"));
    assertThat(crm).isWaitingAt("reviewAppeal");
    assertThat(taskService.getIdentityLinksForTask(task(crm).getId()))
        .anyMatch(link -> "ines".equals(link.getUserId()));
    assertThat(task(crm)).as("the only reviewer free of the decision: hers, nothing to claim").isAssignedTo("ines");
    assertThat(taskService.getIdentityLinksForTask(task(crm).getId())).noneMatch(link ->
        "eric".equals(link.getUserId()) || "fatima".equals(link.getUserId()));
    // the reserve (10,000) cannot fund a 40,000 bid
    assertThatThrownBy(() -> fixture.complete(crm, "ines", "director",
        Map.of("appealDecision", "uphold", "appealResponse", "Agreed")))
        .hasMessageContaining("reserve has 10000 left");
    assertThatThrownBy(() -> fixture.complete(crm, "eric", "director",
        Map.of("appealDecision", "reject", "appealResponse", "No")))
        .hasMessageContaining("does not have"); // a deciding member is no candidate: the engine refuses
    fixture.complete(crm, "ines", "director", Map.of("appealDecision", "reject",
        "appealResponse", "The scores were calibrated with reasons"));
    assertThat(crm).isEnded().hasPassed("appealDecided");

    long roundNo = BudgetIds.roundNo(roundId).getAsLong();
    assertThat(audit.entries(roundNo)).extracting(AuditEntry::action).contains(AuditAction.ROUND_OPENED,
        AuditAction.BID_SUBMITTED, AuditAction.ELIGIBILITY, AuditAction.SCORE,
        AuditAction.CALIBRATION, AuditAction.RECOMMENDATION, AuditAction.DECISION,
        AuditAction.PUBLISHED, AuditAction.APPEAL, AuditAction.APPEAL_DECISION);
    assertThat(audit.entries(roundNo)).filteredOn(e -> e.action() == AuditAction.SCORE)
        .extracting(AuditEntry::actor).containsOnly("eric", "fatima").hasSize(6);
    assertThat(rounds.find(roundNo).orElseThrow().status()).isEqualTo(RoundStatus.PUBLISHED);
  }

  @Test
  void aSponsorOnTheCommitteeIsRecusedAndAnUpheldAppealIsFundedFromTheReserve() {
    fixture.approvePlans(2071, "ACC-009", "ACC-012");
    String sponsor = jdbc.queryForObject("select sponsor from kap_account where account_id = 'ACC-009'", String.class);
    jdbc.update("update kap_account set sponsor = 'eric' where account_id = 'ACC-009'");
    try {
      Map<String, Object> form = new java.util.HashMap<>(round("EMEA 2071", "EMEA", 2071, 100_000));
      form.put("reservePercent", 40);
      ProcessInstance round = fixture.startRound(form);
      ProcessInstance recused = fixture.submitBid("alice", bid("ACC-009", "Service desk", "efficiency", 60_000));
      ProcessInstance small = fixture.submitBid("alice", bid("ACC-012", "Data room", "efficiency", 35_000));
      fixture.closeCall(round);

      assertThat(fixture.scoreTask(recused, "eric")).isNull();
      assertThat(scores.recusals(BudgetIds.bidNo(fixture.bidId(recused)).getAsLong()))
          .extracting(Recusal::member).containsExactly("eric");
      fixture.score(recused, "fatima", 4);
      fixture.scoreByCommittee(small, 2);

      // available 60,000 (40 % reserve): the 60,000 bid is worth more
      assertThat(round).isWaitingAt("decideAllocation");
      fixture.complete(round, "fatima", "director", Map.of("decision", "accept"));
      fixture.runDueJobs();
      assertThat(recused).isEnded().hasPassed("bidFunded");
      assertThat(small).isWaitingAt("considerAppeal");

      fixture.complete(small, "alice", "kam", Map.of("appeal", "yes", "appealGrounds", "Tiny cost, big effect"));
      fixture.complete(small, "ines", "director", Map.of("appealDecision", "uphold",
          "appealResponse", "Within the reserve and worth it"));

      assertThat(small).isEnded().hasPassed("appealDecided");
      Bid funded = stored(small);
      assertThat(funded.status()).isEqualTo(BidStatus.FUNDED);
      assertThat(funded.fundedFromReserve()).isTrue();
      assertThat(rounds.find(funded.roundNo()).orElseThrow().reserveDrawn()).isEqualTo(35_000);
    } finally {
      jdbc.update("update kap_account set sponsor = ? where account_id = 'ACC-009'", sponsor);
    }
  }
}
