package com.kap.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.kap.support.DiagramTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * annualCycleSchedule.bpmn on the lightweight engine: the yearly timer starts an instance, which starts the cycle
 * unless that year's cycle already runs. The timer's cron is read from {@code cycleCalendar} when the diagram is
 * deployed, so each test registers its mocks first and deploys by itself.
 */
class AnnualCycleScheduleDiagramTest extends DiagramTest {

  private String deploymentId;

  @AfterEach
  void undeploy() {
    if (deploymentId != null) {
      repositoryService().deleteDeployment(deploymentId, true);
    }
  }

  private Job deployWithYearlyTimer() {
    when(bean("cycleCalendar", CycleCalendar.class).scheduleCron()).thenReturn("0 0 6 1 10 ?");
    deploymentId = repositoryService().createDeployment().addClasspathResource("annualCycleSchedule.bpmn").deploy().getId();
    Job timer = managementService().createJobQuery().timers().singleResult();
    assertThat(timer).isNotNull();
    return timer;
  }

  @Test
  void startsTheCycleWhenThatYearHasNone() throws Exception {
    delegateSetting("scheduleCycle", Map.of("cycleAlreadyStarted", false));
    JavaDelegate startScheduledCycle = delegate("startScheduledCycle");
    Job timer = deployWithYearlyTimer();

    managementService().executeJob(timer.getId());

    assertThat(passed()).containsExactly("cycleDateReached", "scheduleCycle", "cycleAlreadyStartedGateway",
        "startScheduledCycle", "cycleStarted");
    verify(startScheduledCycle).execute(any());
    assertThat(managementService().createJobQuery().timers().count()).as("next year's timer").isOne();
  }

  @Test
  void leavesAYearAlreadyStartedByHand() throws Exception {
    delegateSetting("scheduleCycle", Map.of("cycleAlreadyStarted", true));
    JavaDelegate startScheduledCycle = delegate("startScheduledCycle");
    Job timer = deployWithYearlyTimer();

    managementService().executeJob(timer.getId());

    assertThat(passed()).containsExactly("cycleDateReached", "scheduleCycle", "cycleAlreadyStartedGateway",
        "cycleAlreadyRunning");
    verify(startScheduledCycle, never()).execute(any());
  }

  private List<String> passed() {
    HistoricProcessInstance instance = historyService().createHistoricProcessInstanceQuery()
        .processDefinitionKey("annualCycleSchedule").singleResult();
    assertThat(instance.getEndTime()).as("ended").isNotNull();
    return historyService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .orderPartiallyByOccurrence().asc().list().stream().map(HistoricActivityInstance::getActivityId).toList();
  }
}
