package com.kap.budget;

import static com.kap.budget.BudgetFixture.bid;
import static com.kap.budget.BudgetFixture.round;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.kap.budget.internal.BidResultRepository;
import com.kap.budget.internal.BidResultRepository.BidResult;
import com.kap.budget.internal.BudgetIds;
import com.kap.budget.internal.WorkingDays;
import com.kap.platform.forms.InvalidFormData;
import com.kap.planning.PlanningCycles;
import com.kap.planning.RegisterCycle;
import com.kap.support.Api;
import com.kap.support.AsUser;
import com.kap.support.ProcessTest;
import com.kap.support.WebappSession;
import java.net.http.HttpResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A funded bid's results report on the running application: started when the allocation is published, the delay
 * of its category, the task for its KAM only, the form checked on the server, the reminder and the escalation, the
 * ratios by round, region and category in the API and on the programme dashboard, and the KAM's track record on
 * the next round's scorecards.
 */
@ProcessTest
class BidResultsProcessTest extends BudgetProcessTestBase {

  private static final int YEAR = 2121;
  private static final int NEXT_YEAR = 2122;

  @Autowired BidResultRepository results;
  @Autowired TestRestTemplate rest;
  @Autowired PlanningCycles planningCycles;
  @LocalServerPort int port;

  private Set<Path> mailsBefore;

  @Test
  void aFundedBidsKamReportsItsResultsAndTheNextRoundSeesTheTrackRecord() throws IOException {
    mailsBefore = outbox();
    fixture.approvePlans(YEAR, "ACC-003", "ACC-006");
    ProcessInstance round = fixture.startRound(round("EMEA " + YEAR, "EMEA", YEAR, 100_000));
    // promised: 3 × cost, the expected 3-year margin of the fixture's bids
    ProcessInstance lab = fixture.submitBid("alice", bid("ACC-003", "Co-innovation lab", "growth", 50_000));
    ProcessInstance crm = fixture.submitBid("alice", bid("ACC-006", "Joint CRM", "retention", 40_000));
    fixture.closeCall(round);
    fixture.scoreByCommittee(lab, 4);
    fixture.scoreByCommittee(crm, 4);
    fixture.complete(round, "fatima", "director", Map.of("decision", "accept"));
    fixture.runDueJobs();
    assertThat(lab).isEnded().hasPassed("bidFunded");
    assertThat(crm).isEnded().hasPassed("bidFunded");

    // each funded bid has its results process, waiting for the months its category gives
    String labId = fixture.bidId(lab);
    String crmId = fixture.bidId(crm);
    ProcessInstance labResults = resultsOf(labId);
    ProcessInstance crmResults = resultsOf(crmId);
    assertThat(labResults).hasPassed("lookUpReportDelay").isWaitingAt("resultsDue");
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    BidResult labSchedule = schedule(labId);
    assertThat(labSchedule.kam()).isEqualTo("alice");
    assertThat(labSchedule.delayMonths()).isEqualTo(12);
    assertThat(labSchedule.reportDue()).isEqualTo(today.plusMonths(12).atStartOfDay(ZoneOffset.UTC).toInstant());
    assertThat(labSchedule.reportDeadline()).isEqualTo(WorkingDays.after(today.plusMonths(12), 20).plusDays(1)
        .atStartOfDay(ZoneOffset.UTC).toInstant());
    assertThat(schedule(crmId).delayMonths()).isEqualTo(6);
    assertThat(timer(labResults, "resultsDue").getDuedate().toInstant()).isEqualTo(labSchedule.reportDue());
    assertThat(taskService.createTaskQuery().processInstanceId(labResults.getId()).count()).isZero();

    // the months pass: the task is alice's, and nobody else sees it or may complete it
    fixture.managementService.executeJob(timer(labResults, "resultsDue").getId());
    assertThat(labResults).isWaitingAt("reportBidResults");
    Task report = taskService.createTaskQuery().processInstanceId(labResults.getId()).singleResult();
    assertThat(report.getAssignee()).isEqualTo("alice");
    assertThat(report.getDueDate().toInstant()).isEqualTo(labSchedule.reportDeadline());
    assertThat(taskService.getVariable(report.getId(), "resultSummary").toString())
        .contains("Atlas Logistics", "**Promised** (expected 3-year margin) 150,000");
    assertThat(visibleTo("alice", "kam", labResults)).isEqualTo(1);
    assertThat(visibleTo("bruno", "kam", labResults)).isZero();
    assertThat(visibleTo("eric", "director", labResults)).isZero();
    Map<String, Object> valid = Map.of("valueDelivered", 120_000, "resultNarrative", "Two new lanes won",
        "resultEvidence", "Controller's report Q3");
    assertThatThrownBy(() -> fixture.complete(report, "bruno", "kam", valid)).isNotNull();

    // the server checks the form and names the fields by their labels
    Map<String, Object> invalid = new HashMap<>(Map.of("valueDelivered", -5, "resultNarrative", " ",
        "resultEvidence", "<script>alert(1)</script>"));
    assertThatThrownBy(() -> fixture.complete(report, "alice", "kam", invalid))
        .satisfies(thrown -> assertThat(InvalidFormData.in(thrown).orElseThrow().forPeople())
            .startsWith("3 problems to correct: 1) Value delivered: ")
            .contains("2) What was delivered: ", "3) Evidence: "));
    invalid.put("valueDelivered", 12.5);
    invalid.put("resultNarrative", "x");
    invalid.put("resultEvidence", "report");
    assertThatThrownBy(() -> fixture.complete(report, "alice", "kam", invalid))
        .satisfies(thrown -> assertThat(InvalidFormData.in(thrown).orElseThrow().forPeople())
            .startsWith("Value delivered: "));
    assertThat(schedule(labId).reported()).isFalse();

    fixture.complete(report, "alice", "kam", valid);
    assertThat(labResults).isEnded().hasPassed("resultsReported");
    BidResult reported = schedule(labId);
    assertThat(reported.valueDelivered()).isEqualTo(120_000L);
    assertThat(reported.narrative()).isEqualTo("Two new lanes won");
    assertThat(reported.evidence()).isEqualTo("Controller's report Q3");
    assertThat(reported.reportedBy()).isEqualTo("alice");

    // the other report is late: alice is reminded, then the programme director is told; the task stays hers
    fixture.managementService.executeJob(timer(crmResults, "resultsDue").getId());
    fixture.managementService.executeJob(timer(crmResults, "reminderDue").getId());
    assertThat(schedule(crmId).remindedAt()).isNotNull();
    assertThat(outboxMentions("Results of bid " + crmId + " due by")).isTrue();
    assertThat(outboxMentions("Results of bid " + crmId + " are late")).isFalse();
    fixture.managementService.executeJob(timer(crmResults, "reportLate").getId());
    assertThat(schedule(crmId).escalatedAt()).isNotNull();
    assertThat(outboxMentions("Results of bid " + crmId + " are late")).isTrue();
    assertThat(crmResults).hasPassed("kamReminded", "lateReportEscalated").isWaitingAt("reportBidResults");
    fixture.complete(taskService.createTaskQuery().processInstanceId(crmResults.getId()).singleResult(), "alice",
        "kam", Map.of("valueDelivered", 60_000, "resultNarrative", "Renewal signed late",
            "resultEvidence", "Contract 2121-77"));

    // the committee's ratios: 120,000 of 150,000 (growth) and 60,000 of 120,000 (retention)
    Api api = new Api(rest);
    ResponseEntity<JsonNode> answer = api.get("diane", "/api/budget/results?year=" + YEAR, JsonNode.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode byRound = answer.getBody().get("byRound");
    assertThat(byRound).hasSize(1);
    assertThat(byRound.get(0).get("group").asText()).isEqualTo("EMEA " + YEAR + " (" + stored(lab).roundId() + ")");
    assertThat(byRound.get(0).get("fundedBids").asInt()).isEqualTo(2);
    assertThat(byRound.get(0).get("promised").asLong()).isEqualTo(270_000);
    assertThat(byRound.get(0).get("delivered").asLong()).isEqualTo(180_000);
    assertThat(byRound.get(0).get("ratio").decimalValue()).isEqualByComparingTo("0.6667");
    assertThat(answer.getBody().get("byRegion").get(0).get("group").asText()).isEqualTo("EMEA");
    JsonNode byCategory = answer.getBody().get("byCategory");
    assertThat(byCategory.get(0).get("group").asText()).isEqualTo("growth");
    assertThat(byCategory.get(0).get("ratio").decimalValue()).isEqualByComparingTo("0.8");
    assertThat(byCategory.get(1).get("group").asText()).isEqualTo("retention");
    assertThat(byCategory.get(1).get("ratio").decimalValue()).isEqualByComparingTo("0.5");
    assertThat(api.get("eric", "/api/budget/results?year=" + YEAR, JsonNode.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(api.get("alice", "/api/budget/results?year=" + YEAR, JsonNode.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(api.get("gilles", "/api/budget/results?year=" + YEAR, JsonNode.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    // the same on the programme dashboard, for the programme and within a region; not for a sponsor
    planningCycles.register(new RegisterCycle("test", () -> YEAR, () -> today.plusDays(30),
        () -> today.plusDays(60)));
    // the fixture's plans are approved without a moment of approval, which the dashboard's chart needs
    jdbc.update("update kap_account_plan set approved_at = current_timestamp where cycle_year = ? "
        + "and status = 'APPROVED' and approved_at is null", YEAR);
    WebappSession diane = new WebappSession(port);
    diane.login("diane", "demo", "tasklist");
    HttpResponse<String> dashboard = diane.page("/kap/dashboard?year=" + YEAR);
    assertThat(dashboard.statusCode()).as(dashboard.body()).isEqualTo(200);
    assertThat(dashboard.body()).contains("Value delivered against promised by round", "id=\"results-by-region\"",
        "id=\"results-by-category\"", "<td>€270,000</td>", "<td>€180,000</td>", "<span>67%</span>",
        "<span>80%</span>", "<span>50%</span>");
    assertThat(diane.page("/kap/dashboard?year=" + YEAR + "&region=APAC").body())
        .contains("id=\"no-funded-bids\"").doesNotContain("results-by-round");
    WebappSession gilles = new WebappSession(port);
    gilles.login("gilles", "demo", "tasklist");
    assertThat(gilles.page("/kap/dashboard?year=" + YEAR).body()).doesNotContain("results-by-round",
        "Value delivered against promised");

    // the next round: each scorer's card shows alice's track record, with this round's 180,000 of 270,000
    fixture.approvePlans(NEXT_YEAR, "ACC-003");
    ProcessInstance next = fixture.startRound(round("EMEA " + NEXT_YEAR, "EMEA", NEXT_YEAR, 100_000));
    ProcessInstance again = fixture.submitBid("alice", bid("ACC-003", "Lab, phase two", "growth", 30_000));
    fixture.closeCall(next);
    // alice's reports of other tests in this JVM (other years) count too: this round's two are among them
    List<BidResultRepository.FundedBid> past = results.reportedOf("alice", -1).stream()
        .filter(bid -> !bid.roundName().equals("EMEA " + NEXT_YEAR)).toList();
    List<BidResultRepository.FundedBid> ours = past.stream()
        .filter(bid -> bid.roundName().equals("EMEA " + YEAR)).toList();
    assertThat(ours).hasSize(2);
    assertThat(ours.stream().mapToLong(BidResultRepository.FundedBid::promised).sum()).isEqualTo(270_000);
    assertThat(ours.stream().mapToLong(BidResultRepository.FundedBid::delivered).sum()).isEqualTo(180_000);
    String expected = past.size() == 2
        ? "**Track record** alice's past funded bids delivered 67 % of the value they promised "
            + "(2 bids reported: 180,000 of 270,000)."
        : com.kap.budget.internal.ResultRatios.trackRecord("alice", past);
    for (String member : List.of("eric", "fatima")) {
      assertThat(taskService.getVariable(fixture.scoreTask(again, member).getId(), "trackRecord"))
          .isEqualTo(expected);
    }
    fixture.scoreByCommittee(again, 3);
  }

  private ProcessInstance resultsOf(String bidId) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey("bidResults")
        .processInstanceBusinessKey(bidId).singleResult();
  }

  private BidResult schedule(String bidId) {
    return results.find(BudgetIds.bidNo(bidId).getAsLong()).orElseThrow();
  }

  private Job timer(ProcessInstance instance, String activityId) {
    return fixture.managementService.createJobQuery().processInstanceId(instance.getId()).timers()
        .activityId(activityId).singleResult();
  }

  private long visibleTo(String user, String group, ProcessInstance instance) {
    return AsUser.call(fixture.identityService, user, group,
        () -> taskService.createTaskQuery().processInstanceId(instance.getId()).count());
  }

  /** The outbox keeps the mails of earlier runs, whose bids had the same ids: only this test's new mails count. */
  private static Set<Path> outbox() throws IOException {
    Path outbox = Path.of("target", "test-outbox");
    if (!Files.isDirectory(outbox)) {
      return Set.of();
    }
    try (Stream<Path> files = Files.list(outbox)) {
      return files.collect(Collectors.toSet());
    }
  }

  private boolean outboxMentions(String text) throws IOException {
    try (Stream<Path> files = outbox().stream().filter(file -> !mailsBefore.contains(file))) {
      return files.anyMatch(file -> {
        try {
          return Files.readString(file).contains(text);
        } catch (IOException unreadable) {
          return false;
        }
      });
    }
  }
}
