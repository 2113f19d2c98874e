package com.kap.rituals;

import static com.kap.support.GroupTasks.assertGroupTaskOfSoleMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.kap.portfolio.PortfolioSegmentation;
import com.kap.rituals.internal.AdvisoryBoardRepository;
import com.kap.support.AsUser;
import com.kap.support.ProcessTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The customer advisory board: invitations, the day, the record, and the missed path. */
@ProcessTest
class AdvisoryBoardProcessTest {

  private static final int YEAR = 2083;

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired PortfolioSegmentation segmentation;
  @Autowired AdvisoryBoardRepository boards;
  @Autowired MeterRegistry meterRegistry;

  @AfterEach
  void reset() {
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  @Test
  void theStrategicAccountsAreInvitedAndTheBoardIsRecordedOnItsDay() {
    segmentation.segment(YEAR);
    assertThatThrownBy(() -> start(Map.of("year", YEAR, "boardDate", YEAR + "-06-12", "agenda", "Roadmap")))
        .hasMessageContaining("boardDate: must be a working day"); // a Saturday
    assertThatThrownBy(() -> start(Map.of("year", 2199, "boardDate", "2199-06-12", "agenda", "Roadmap")))
        .hasMessageContaining("year: the 2199 segmentation has no Strategic account to invite");
    ProcessInstance board = start(Map.of("year", YEAR, "boardDate", YEAR + "-06-14", "agenda", "Roadmap"));
    assertThat(board).isWaitingAt("boardDay");
    Map<String, Object> row = boards.findByProcessInstance(board.getId());
    assertThat((String) row.get("invited_accounts")).contains("ACC-001", "ACC-003").doesNotContain("ACC-024");
    Job day = managementService.createJobQuery().processInstanceId(board.getId()).timers().singleResult();
    assertThat(day.getDuedate()).isEqualTo(Date.from(Instant.parse(YEAR + "-06-14T07:00:00Z")));

    managementService.executeJob(day.getId());
    assertThat(board).isWaitingAt("holdAdvisoryBoard");
    assertGroupTaskOfSoleMember(task(board), "programme-director", "diane");
    ClockUtil.setCurrentTime(Date.from(Instant.parse(YEAR + "-06-14T17:00:00Z")));
    Map<String, Object> record = new HashMap<>(Map.of("held", "yes", "heldDate", YEAR + "-06-14",
        "attendingAccounts", List.of("ACC-001", "ACC-024"), "minutes", "Roadmap shared",
        "customerSatisfaction", 4));
    assertThatThrownBy(() -> complete(board, record)).hasMessageContaining("attendingAccounts: pick the invited");
    record.put("attendingAccounts", org.camunda.spin.Spin.JSON("[\"ACC-001\",\"ACC-003\"]")); // as Tasklist sends it
    complete(board, record);
    assertThat(board).isEnded().hasPassed("boardRecorded");
    Map<String, Object> held = boards.findByProcessInstance(board.getId());
    assertThat(held.get("status")).isEqualTo("HELD");
    assertThat(held.get("attending_accounts")).isEqualTo("ACC-001,ACC-003");
  }

  @Test
  void aBoardNotRecordedInTimeCountsAsMissed() {
    segmentation.segment(YEAR + 1);
    ProcessInstance board = start(Map.of("year", YEAR + 1, "boardDate", (YEAR + 1) + "-03-15", "agenda", "Pricing"));
    managementService.executeJob(managementService.createJobQuery().processInstanceId(board.getId()).timers()
        .singleResult().getId());
    Job grace = managementService.createJobQuery().processInstanceId(board.getId()).timers().singleResult();
    assertThat(grace.getDuedate()).isEqualTo(Date.from(Instant.parse((YEAR + 1) + "-03-23T00:00:00Z")));
    double missedBefore = meterRegistry.get("kap.advisory.boards.missed").counter().count();
    managementService.executeJob(grace.getId());
    assertThat(board).isEnded().hasPassed("boardMissed");
    assertThat(meterRegistry.get("kap.advisory.boards.missed").counter().count()).isEqualTo(missedBefore + 1);
    assertThat(boards.findByProcessInstance(board.getId()).get("status")).isEqualTo("MISSED");
  }

  private ProcessInstance start(Map<String, Object> form) {
    return AsUser.call(identityService, "diane", "programme-director",
        () -> runtimeService.startProcessInstanceByKey("customerAdvisoryBoard", new HashMap<>(form)));
  }

  private void complete(ProcessInstance board, Map<String, Object> form) {
    AsUser.complete(identityService, taskService, task(board), "diane", "programme-director", form);
  }
}
