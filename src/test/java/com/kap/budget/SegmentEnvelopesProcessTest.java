package com.kap.budget;

import static com.kap.budget.BudgetFixture.bid;
import static com.kap.budget.BudgetFixture.round;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.kap.portfolio.CycleSegment;
import com.kap.portfolio.Portfolio;
import com.kap.portfolio.PortfolioSegmentation;
import com.kap.portfolio.Segment;
import com.kap.support.ProcessTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A round whose start form enables segment envelopes: the proposal keeps each segment's funded bids within its
 * budgetShare (DMN segmentServiceLevels) of what is available, names the envelope as the reason, and "Decide
 * allocation" shows each envelope, what it spends and what the envelopes cost in benefit.
 */
@ProcessTest
class SegmentEnvelopesProcessTest extends BudgetProcessTestBase {

  private static final int YEAR = 2115;

  @Autowired PortfolioSegmentation segmentation;
  @Autowired Portfolio portfolio;

  @Test
  void theStrategicEnvelopeHoldsBackTheSecondStrategicBid() {
    segmentation.segment(YEAR);
    Set<String> alices = Set.copyOf(jdbc.queryForList("select account_id from kap_account where kam = 'alice' "
        + "and region = 'EMEA'", String.class));
    Map<Segment, List<String>> bySegment = portfolio.segments(YEAR).stream()
        .filter(s -> alices.contains(s.accountId()))
        .collect(Collectors.groupingBy(CycleSegment::segment, Collectors.mapping(CycleSegment::accountId,
            Collectors.toList())));
    assertThat(bySegment.get(Segment.STRATEGIC)).as("alice's Strategic accounts in the demo").hasSizeGreaterThan(1);
    assertThat(bySegment.get(Segment.STAR)).as("alice's Star accounts in the demo").isNotEmpty();
    String strategic1 = bySegment.get(Segment.STRATEGIC).get(0);
    String strategic2 = bySegment.get(Segment.STRATEGIC).get(1);
    String star = bySegment.get(Segment.STAR).get(0);
    fixture.approvePlans(YEAR, strategic1, strategic2, star);

    Map<String, Object> form = round("Envelopes " + YEAR, "EMEA", YEAR, 100_000);
    form.put("segmentEnvelopes", true);
    ProcessInstance round = fixture.startRound(form);
    ProcessInstance lab = fixture.submitBid("alice", bid(strategic1, "Co-innovation lab", "growth", 40_000));
    ProcessInstance crm = fixture.submitBid("alice", bid(strategic2, "Joint CRM", "retention", 30_000));
    ProcessInstance shop = fixture.submitBid("alice", bid(star, "Web shop", "growth", 20_000));
    fixture.closeCall(round);
    fixture.scoreByCommittee(lab, 5); // benefit 100
    fixture.scoreByCommittee(crm, 4); // 80
    fixture.scoreByCommittee(shop, 3); // 60

    assertThat(round).isWaitingAt("decideAllocation");
    assertThat(jdbc.queryForObject("select segment_envelopes from kap_budget_round where name = ?", Boolean.class,
        "Envelopes " + YEAR)).isTrue();
    // available 90,000: all three would fit (240); the Strategic envelope, 55 % of it = 49,500, takes one of two
    String summary = (String) runtimeService.getVariable(round.getId(), "allocationSummary");
    assertThat(summary).contains("**Recommended:** 2 bids, cost 60,000, benefit 160.00", "is proven optimal",
        "**Segment envelopes** cost 80.00 benefit: without them the best benefit is 240.00.");
    assertThat(runtimeService.getVariable(round.getId(), "segmentEnvelopes")).isEqualTo(true);
    SpinJsonNode envelopes = (SpinJsonNode) runtimeService.getVariable(round.getId(), "envelopeTable");
    assertThat(envelopes.toString()).contains(
        "{\"segment\":\"Strategic\",\"envelope\":\"49,500\",\"spent\":\"40,000\",\"left\":\"9,500\"}",
        "{\"segment\":\"Star\",\"envelope\":\"27,000\",\"spent\":\"20,000\",\"left\":\"7,000\"}",
        "{\"segment\":\"Status\",\"envelope\":\"10,800\",\"spent\":\"0\",\"left\":\"10,800\"}",
        "{\"segment\":\"Streamline\",\"envelope\":\"2,700\",\"spent\":\"0\",\"left\":\"2,700\"}");
    String crmId = fixture.bidId(crm);
    assertThat(runtimeService.getVariable(round.getId(), "allocationTable").toString()).contains(crmId,
        "over envelope: the Strategic envelope of 49,500 has 9,500 left; the bid needs 20,500 more");

    fixture.complete(round, "fatima", "director", Map.of("decision", "accept"));
    fixture.runDueJobs();

    assertThat(stored(lab).status()).isEqualTo(BidStatus.FUNDED);
    assertThat(stored(shop).status()).isEqualTo(BidStatus.FUNDED);
    assertThat(stored(crm).status()).isEqualTo(BidStatus.UNFUNDED);
    assertThat(stored(crm).statusReason()).isEqualTo(
        "over envelope: the Strategic envelope of 49,500 has 9,500 left; the bid needs 20,500 more");
  }
}
