package com.kap.platform.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.kap.support.KapTest;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** History is removed its time-to-live after its process instance ended, by a cleanup that runs at night only. */
@KapTest
class HistoryCleanupTest {

  @Autowired ProcessEngineConfigurationImpl engine;
  @Autowired HistoryService historyService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  @Test
  void theCleanupIsScheduledForTheNightWindow() {
    assertThat(engine.getHistoryCleanupBatchWindowStartTime()).isEqualTo("22:00");
    assertThat(engine.getHistoryCleanupBatchWindowEndTime()).isEqualTo("06:00");
    assertThat(engine.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
    assertThat(historyService.findHistoryCleanupJobs()).isNotEmpty().allSatisfy(this::dueInTheWindow);
  }

  @Test
  void historyIsKeptWhileTheInstanceRunsAndItsTimeToLiveAfterItEnded() {
    String deployment = repositoryService.createDeployment().addModelInstance("ttlProbe.bpmn", Bpmn
        .createExecutableProcess("ttlProbe").camundaHistoryTimeToLive(730).startEvent().userTask().endEvent().done())
        .deploy().getId();
    try {
      ProcessInstance instance = runtimeService.startProcessInstanceByKey("ttlProbe", "2040-TTL");
      assertThat(historic(instance).getRemovalTime()).as("never removed while it runs").isNull();

      taskService.complete(taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId());

      HistoricProcessInstance ended = historic(instance);
      assertThat(Duration.between(ended.getEndTime().toInstant(), ended.getRemovalTime().toInstant()))
          .isEqualTo(Duration.ofDays(730));
    } finally {
      repositoryService.deleteDeployment(deployment, true);
    }
  }

  private HistoricProcessInstance historic(ProcessInstance instance) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult();
  }

  /** The engine reads the window in the JVM's time zone. */
  private void dueInTheWindow(Job job) {
    LocalTime due = job.getDuedate().toInstant().atZone(ZoneId.systemDefault()).toLocalTime();
    assertThat(!due.isBefore(LocalTime.of(22, 0)) || due.isBefore(LocalTime.of(6, 0))).as("due at %s", due).isTrue();
  }
}
