package com.kap.budget;

import static com.kap.budget.BudgetFixture.bid;
import static com.kap.budget.BudgetFixture.round;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.kap.budget.internal.Bid;
import com.kap.budget.internal.WorkingDays;
import com.kap.support.ProcessTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;

/** The chair's overrides, revisions and withdrawals, the appeal window, and what the forms refuse. */
@ProcessTest
class BudgetDecisionProcessTest extends BudgetProcessTestBase {


  @Test
  void overridesNeedAReasonAndTheReserveIsDrawnOnlyWhenTheChairSaysSo() {
    fixture.approvePlans(2072, "ACC-001", "ACC-004", "ACC-007");
    ProcessInstance round = fixture.startRound(round("AMER 2072", "AMER", 2072, 100_000));
    ProcessInstance big = fixture.submitBid("bruno", bid("ACC-001", "Plant upgrade", "growth", 80_000));
    Map<String, Object> academy = bid("ACC-004", "Training academy", "retention", 15_000);
    academy.put("exclusiveGroup", "academy");
    ProcessInstance mid = fixture.submitBid("bruno", academy);
    Map<String, Object> alternative = bid("ACC-007", "Alternative academy", "retention", 5_000);
    alternative.put("exclusiveGroup", "academy");
    ProcessInstance alt = fixture.submitBid("bruno", alternative);
    fixture.closeCall(round);
    fixture.scoreByCommittee(big, 5);
    fixture.scoreByCommittee(mid, 3);
    fixture.scoreByCommittee(alt, 1);
    // available 90,000: plant (80,000) + alternative (5,000)
    assertThat(round).isWaitingAt("decideAllocation");
    String midId = fixture.bidId(mid);
    String altId = fixture.bidId(alt);

    Map<String, Object> noReason = decision(Map.of("bidId", midId, "action", "fund"));
    assertThatThrownBy(() -> fixture.complete(round, "fatima", "director", noReason))
        .hasMessageContaining("overrides[0].reason: is required");
    Map<String, Object> overBudget = decision(Map.of("bidId", midId, "action", "fund", "reason", "Better academy"),
        Map.of("bidId", altId, "action", "unfund", "reason", "Superseded"));
    assertThatThrownBy(() -> fixture.complete(round, "fatima", "director", overBudget))
        .hasMessageContaining("useReserve: the funded bids cost 95000, above the 90000 available");
    Map<String, Object> groupClash = decision(Map.of("bidId", midId, "action", "fund", "reason", "Both academies"));
    groupClash.put("useReserve", true);
    assertThatThrownBy(() -> fixture.complete(round, "fatima", "director", groupClash))
        .hasMessageContaining("are alternatives (group 'academy')");
    Map<String, Object> fundTwice = decision(Map.of("bidId", altId, "action", "fund", "reason", "x"));
    assertThatThrownBy(() -> fixture.complete(round, "fatima", "director", fundTwice))
        .hasMessageContaining("overrides[0].action: " + altId + " is already funded");
    Map<String, Object> swap = decision(
        Map.of("bidId", midId, "action", "fund", "reason", "The academy serves three accounts"),
        Map.of("bidId", altId, "action", "unfund", "reason", "Superseded by the full academy"));
    swap.put("useReserve", true);
    fixture.complete(round, "fatima", "director", swap);
    fixture.runDueJobs();

    assertThat(big).isEnded().hasPassed("bidFunded");
    assertThat(mid).isEnded().hasPassed("bidFunded");
    assertThat(alt).isWaitingAt("considerAppeal");
    long roundNo = stored(mid).roundNo();
    assertThat(rounds.find(roundNo).orElseThrow().reserveDrawn()).isEqualTo(5_000);
    assertThat(audit.entries(roundNo)).filteredOn(e -> e.action() == AuditAction.OVERRIDE)
        .extracting(AuditEntry::bidId, AuditEntry::actor, AuditEntry::before,
            AuditEntry::after, AuditEntry::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(midId, "fatima", "not funded", "funded",
                "The academy serves three accounts"),
            org.assertj.core.groups.Tuple.tuple(altId, "fatima", "funded", "not funded",
                "Superseded by the full academy"));
    assertThat(audit.entries(roundNo)).extracting(AuditEntry::action)
        .contains(AuditAction.RESERVE_DRAWN);

    // nobody appeals: the window closes after 10 working days
    Job window = fixture.managementService.createJobQuery().processInstanceId(alt.getId()).timers().singleResult();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    assertThat(window.getDuedate()).isEqualTo(Date.from(WorkingDays.after(today, 10).plusDays(1)
        .atStartOfDay(ZoneOffset.UTC).toInstant()));
    assertThat(task(alt).getDueDate()).isEqualTo(window.getDuedate());
    assertThat(runtimeService.getVariable(alt.getId(), "appealDeadline"))
        .isEqualTo(java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.UK)
            .format(WorkingDays.after(today, 10)) + " (end of day, UTC)");
    fixture.managementService.executeJob(window.getId());
    assertThat(alt).isEnded().hasPassed("noAppeal");
  }

  @Test
  void aGlobalRoundFundsEachRegionItsMinimum() {
    fixture.approvePlans(2077, "ACC-003", "ACC-006", "ACC-002");
    Map<String, Object> form = new HashMap<>(round("Global 2077", null, 2077, 100_000));
    form.put("regionMinimums", "APAC=30000");
    ProcessInstance round = fixture.startRound(form);
    ProcessInstance best = fixture.submitBid("alice", bid("ACC-003", "Lab", "growth", 60_000));
    ProcessInstance good = fixture.submitBid("alice", bid("ACC-006", "Academy", "retention", 30_000));
    ProcessInstance apac = fixture.submitBid("chen", bid("ACC-002", "Sensors", "efficiency", 30_000));
    fixture.closeCall(round);
    fixture.scoreByCommittee(best, 5);
    fixture.scoreByCommittee(good, 4);
    fixture.scoreByCommittee(apac, 1);

    // without the minimum, lab + academy (benefit 180) would win; with it, APAC's 30,000 must be funded
    fixture.complete(round, "fatima", "director", Map.of("decision", "accept"));
    fixture.runDueJobs();
    assertThat(best).isEnded().hasPassed("bidFunded");
    assertThat(apac).isEnded().hasPassed("bidFunded");
    assertThat(good).isWaitingAt("considerAppeal");
    assertThat(stored(good).statusReason())
        .startsWith("over budget");
    fixture.complete(good, "alice", "kam", Map.of("appeal", "no"));
    assertThat(good).isEnded().hasPassed("outcomeAccepted");
  }

  @Test
  void aBidCanBeRevisedOrWithdrawnUntilTheCallClosesAndARoundWithoutEligibleBidsEnds() {
    fixture.approvePlans(2073, "ACC-002");
    ProcessInstance round = fixture.startRound(round("APAC 2073", "APAC", 2073, 50_000));
    ProcessInstance kept = fixture.submitBid("chen", bid("ACC-002", "Lab", "growth", 20_000));
    ProcessInstance dropped = fixture.submitBid("chen", bid("ACC-005", "Mine sensors", "innovation", 10_000));

    Map<String, Object> revision = bid("ACC-002", "Lab, phase 1", "growth", 12_000);
    revision.put("action", "revise");
    fixture.complete(kept, "chen", "kam", revision);
    assertThat(kept).isWaitingAt("reviseBid");
    Bid revised = stored(kept);
    assertThat(revised.revision()).isEqualTo(2);
    assertThat(revised.content().cost()).isEqualTo(12_000);
    assertThat(revised.content().title()).isEqualTo("Lab, phase 1");

    fixture.complete(dropped, "chen", "kam", Map.of("action", "withdraw", "withdrawReason", "Customer paused"));
    assertThat(dropped).isEnded().hasPassed("bidWithdrawn");

    ClockUtil.setCurrentTime(Date.from(LocalDate.now(ZoneOffset.UTC).plusDays(20).atStartOfDay(ZoneOffset.UTC)
        .toInstant()));
    assertThatThrownBy(() -> fixture.complete(kept, "chen", "kam", revision))
        .hasMessageContaining("can no longer change");
    ClockUtil.reset();

    // the account's Strategic plan for 2073 is approved, but make its bid fail the financials instead
    jdbc.update("update kap_bid set expected_margin = 0 where bid_no = ?", revised.bidNo());
    fixture.closeCall(round);
    assertThat(kept).isEnded().hasPassed("bidIneligible");
    assertThat(bids.find(revised.bidNo()).orElseThrow().statusReason()).contains("financials");
    assertThat(round).isEnded().hasPassed("noEligibleBids");
    assertThat(rounds.find(revised.roundNo()).orElseThrow().status()).isEqualTo(RoundStatus.CLOSED);
  }

  @Test
  void theFormsAreCheckedOnTheServer() {
    fixture.approvePlans(2074, "ACC-003", "ACC-006");
    assertRoundRefused(Map.of("year", 2199), "year: no account plans exist for 2199");
    assertRoundRefused(Map.of("level", "global", "regionMinimums", "Mars=5"),
        "regionMinimums: 'Mars' is not a region of the portfolio");
    assertRoundRefused(Map.of("level", "global", "regionMinimums", "EMEA=200000"),
        "regionMinimums: the minimums add up to 200000, above the envelope of 100000");
    assertRoundRefused(Map.of("committee", "eric, alice"), "committee: only directors may sit on the committee");
    assertRoundRefused(Map.of("chair", "ines"), "chair: must be one of the committee members");
    assertRoundRefused(Map.of("region", "Mars"), "region: must be a region of the portfolio");
    assertRoundRefused(Map.of("envelope", 0), "envelope: must be from 1");
    assertRoundRefused(Map.of("reservePercent", 60), "reservePercent: must be from 0 to 50");
    assertRoundRefused(Map.of("callDeadline", "2001-01-01"), "callDeadline: must not be in the past");

    assertThatThrownBy(() -> fixture.submitBid("alice", bid("ACC-003", "x", "growth", 1_000)))
        .hasMessageContaining("accountId: no budget round is open for region EMEA");
    ProcessInstance round = fixture.startRound(round("EMEA 2074", "EMEA", 2074, 100_000));
    assertThatThrownBy(() -> fixture.startRound(round("EMEA again", "EMEA", 2074, 100_000)))
        .hasMessageContaining("region: a budget round for EMEA is already open");

    assertBidRefused("alice", Map.of("accountId", "ACC-001"), "accountId: 'ACC-001' is not one of your accounts");
    assertBidRefused("alice", Map.of("cost", 0), "cost: must be from 1");
    assertBidRefused("alice", Map.of("cost", 100_001), "cost: 100001 is above the envelope");
    assertBidRefused("alice", Map.of("cost", 12.5), "cost: must be a whole number");
    assertBidRefused("alice", Map.of("category", "party"), "category: must be one of");
    assertBidRefused("alice", Map.of("successProbability", 120), "successProbability: must be from 0 to 100");
    assertBidRefused("alice", Map.of("mustFund", true), "mustFundReason: is required");
    assertBidRefused("alice", Map.of("requiresBid", "B-999999"), "requiresBid: no bid B-999999 in round");
    assertBidRefused("alice", Map.of("requiresBid", "lab"), "requiresBid: must be a bid id like B-12");

    ProcessInstance first = fixture.submitBid("alice", bid("ACC-003", "First", "growth", 1_000));
    Map<String, Object> second = bid("ACC-006", "Second", "growth", 1_000);
    second.put("requiresBid", fixture.bidId(first));
    ProcessInstance dependent = fixture.submitBid("alice", second);
    // "Requires bid" is picked from the KAM's other open bids of the round; each bid's list follows new bids
    assertThat(runtimeService.getVariable(first.getId(), "bidOptions").toString())
        .contains(fixture.bidId(dependent) + " — Second").doesNotContain(fixture.bidId(first) + " — ");
    assertThat(runtimeService.getVariable(dependent.getId(), "bidOptions").toString())
        .contains(fixture.bidId(first) + " — First").doesNotContain(fixture.bidId(dependent) + " — ");
    Map<String, Object> cycle = bid("ACC-003", "First", "growth", 1_000);
    cycle.put("action", "revise");
    cycle.put("requiresBid", fixture.bidId(dependent));
    assertThatThrownBy(() -> fixture.complete(first, "alice", "kam", cycle))
        .hasMessageContaining("requiresBid: would make a cycle: " + fixture.bidId(first) + " → "
            + fixture.bidId(dependent) + " → " + fixture.bidId(first));
    runtimeService.deleteProcessInstance(round.getId(), "test done");
  }

  private void assertRoundRefused(Map<String, Object> change, String message) {
    Map<String, Object> form = new HashMap<>(round("Refused", "EMEA", 2074, 100_000));
    form.putAll(change);
    assertThatThrownBy(() -> fixture.startRound(form)).hasMessageContaining(message);
  }

  private void assertBidRefused(String kam, Map<String, Object> change, String message) {
    Map<String, Object> form = bid("ACC-003", "Refused", "growth", 1_000);
    form.putAll(change);
    assertThatThrownBy(() -> fixture.submitBid(kam, form)).hasMessageContaining(message);
  }

  @SafeVarargs
  private static Map<String, Object> decision(Map<String, Object>... overrides) {
    StringBuilder json = new StringBuilder("[");
    for (Map<String, Object> override : overrides) {
      json.append(json.length() > 1 ? "," : "").append(Spin.JSON(override).toString());
    }
    Map<String, Object> form = new HashMap<>();
    form.put("decision", "override");
    form.put("overrides", Spin.JSON(json.append(']').toString()));
    return form;
  }
}
