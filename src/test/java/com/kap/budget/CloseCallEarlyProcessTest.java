package com.kap.budget;

import static com.kap.budget.BudgetFixture.bid;
import static com.kap.budget.BudgetFixture.round;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.kap.budget.internal.BudgetIds;
import com.kap.budget.internal.BudgetRound;
import com.kap.support.ProcessTest;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The chair closes a round's call early through "Close the call early"; or the deadline comes first. */
@ProcessTest
class CloseCallEarlyProcessTest extends BudgetProcessTestBase {

  @Autowired ManagementService managementService;

  @Test
  void theChairClosesTheCallEarlyWithAReasonForTheAuditTrail() {
    fixture.approvePlans(2051, "ACC-003");
    ProcessInstance round = fixture.startRound(round("EMEA 2051", "EMEA", 2051, 100_000));
    ProcessInstance lab = fixture.submitBid("alice", bid("ACC-003", "Co-innovation lab", "growth", 50_000));
    BudgetRound stored = roundOf(round);

    assertThat(round).isWaitingAt("closeCallEarly");
    Task closeEarly = task(round);
    assertThat(closeEarly).hasName("Close the call early").isAssignedTo("fatima");
    assertThat(taskService.createTaskQuery().taskId(closeEarly.getId()).initializeFormKeys().singleResult()
        .getCamundaFormRef().getKey()).isEqualTo("closeCallEarly");
    assertThat(closeEarly.getDueDate()).isEqualTo(Date.from(stored.callDeadline()));

    // another director cannot: the engine refuses eric fatima's task...
    assertThatThrownBy(() -> fixture.complete(closeEarly, "eric", "director", Map.of("closeReason", "Hurry")))
        .isInstanceOf(AuthorizationException.class);
    // ...and KAP refuses him even when an administrator hands him the task: the chair is read from KAP's tables
    taskService.setAssignee(closeEarly.getId(), "eric");
    assertThatThrownBy(() -> fixture.complete(closeEarly, "eric", "director", Map.of("closeReason", "Hurry")))
        .isInstanceOf(AuthorizationException.class)
        .hasMessageContaining("only the chair of round " + stored.id() + " (fatima) may close its call early");
    taskService.setAssignee(closeEarly.getId(), "fatima");
    assertThatThrownBy(() -> fixture.complete(closeEarly, "fatima", "director", Map.of("closeReason", "  ")))
        .hasMessageContaining("closeReason: is required");
    assertThat(round).isWaitingAt("closeCallEarly");
    assertThat(lab).isWaitingAt("reviseBid");

    fixture.complete(closeEarly, "fatima", "director",
        Map.of("closeReason", "Every KAM has bid; the committee meets on Monday"));
    fixture.runDueJobs();

    assertThat(round).hasPassed("closeCallEarly", "closeCall").hasNotPassed("callDeadlinePassed")
        .isWaitingAt("allBidsScored");
    assertThat(managementService.createJobQuery().processInstanceId(round.getId()).timers().count())
        .as("the deadline's timer went with the task").isZero();
    assertThat(lab).isWaitingAt("scoreBid");
    assertThat(roundOf(round).status()).isEqualTo(RoundStatus.SCORING);
    assertThat(audit.entries(stored.roundNo())).filteredOn(e -> e.action() == AuditAction.CALL_CLOSED_EARLY)
        .singleElement().satisfies(entry -> {
          assertThat(entry.actor()).isEqualTo("fatima");
          assertThat(entry.reason()).isEqualTo("Every KAM has bid; the committee meets on Monday");
          assertThat(entry.bidId()).isNull();
        });
  }

  @Test
  void whenTheDeadlineComesFirstTheEarlyCloseTaskDisappears() {
    fixture.approvePlans(2052, "ACC-003");
    ProcessInstance round = fixture.startRound(round("EMEA 2052", "EMEA", 2052, 100_000));
    ProcessInstance lab = fixture.submitBid("alice", bid("ACC-003", "Co-innovation lab", "growth", 50_000));
    BudgetRound stored = roundOf(round);
    assertThat(round).isWaitingAt("closeCallEarly");

    ClockUtil.setCurrentTime(Date.from(stored.callDeadline().minus(1, ChronoUnit.MINUTES)));
    runDueJobsOf(round, lab);
    assertThat(round).as("a minute before the deadline the call is open").isWaitingAt("closeCallEarly");

    ClockUtil.setCurrentTime(Date.from(stored.callDeadline().plus(1, ChronoUnit.SECONDS)));
    runDueJobsOf(round, lab);

    assertThat(round).hasPassed("callDeadlinePassed", "closeCall").isWaitingAt("allBidsScored");
    assertThat(taskService.createTaskQuery().processInstanceId(round.getId()).taskDefinitionKey("closeCallEarly")
        .count()).isZero();
    assertThat(lab).isWaitingAt("scoreBid");
    assertThat(audit.entries(stored.roundNo())).extracting(AuditEntry::action)
        .doesNotContain(AuditAction.CALL_CLOSED_EARLY);
  }

  private BudgetRound roundOf(ProcessInstance round) {
    String key = runtimeService.createProcessInstanceQuery().processInstanceId(round.getId()).singleResult()
        .getBusinessKey();
    return rounds.find(BudgetIds.roundNo(key).getAsLong()).orElseThrow();
  }

  /**
   * Runs the due jobs of these instances only, as the job executor would: with the clock moved, other tests' timers
   * in the shared database are due too and none of this test's business.
   */
  private void runDueJobsOf(ProcessInstance... instances) {
    for (int i = 0; i < 100; i++) {
      boolean ran = false;
      for (ProcessInstance instance : instances) {
        for (var job : managementService.createJobQuery().processInstanceId(instance.getId()).executable().list()) {
          managementService.executeJob(job.getId());
          ran = true;
        }
      }
      if (!ran) {
        return;
      }
    }
    throw new IllegalStateException("jobs keep coming");
  }
}
