package com.kap.platform.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.NotifyAcquisitionRejectedJobsHandler;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * A stop while the job executor is saturated: one worker runs a job that waits at a gate, one job waits in the
 * queue and the acquisition holds more that the full pool refused, all locked by this node. The running job must
 * finish; every other job must be unlocked, none run.
 */
class JobExecutorShutdownTest {

  private final Gate gate = new Gate();
  private final ThreadPoolTaskExecutor workers = new ThreadPoolTaskExecutor();
  private ProcessEngine engine;

  @AfterEach
  void closeEngine() {
    gate.open();
    if (engine != null) {
      engine.close();
    }
    workers.shutdown();
  }

  @Test
  void runningJobsFinishAndEveryOtherLockedJobIsHandedBack() throws Exception {
    workers.setCorePoolSize(1);
    workers.setMaxPoolSize(1);
    workers.setQueueCapacity(1);
    workers.setThreadNamePrefix("shutdownTestWorker-");
    workers.initialize();
    SpringJobExecutor jobExecutor = new SpringJobExecutor();
    jobExecutor.setTaskExecutor(workers);
    jobExecutor.setRejectedJobsHandler(new NotifyAcquisitionRejectedJobsHandler());
    jobExecutor.setMaxJobsPerAcquisition(3);
    jobExecutor.setWaitTimeInMillis(50);
    engine = engineWith(jobExecutor);
    engine.getRepositoryService().createDeployment().addModelInstance("gated.bpmn",
        Bpmn.createExecutableProcess("gated").camundaHistoryTimeToLive(1).startEvent()
            .serviceTask("passGate").camundaAsyncBefore().camundaExpression("${gate.pass()}").endEvent().done())
        .deploy();

    for (int i = 0; i < 6; i++) {
      engine.getRuntimeService().startProcessInstanceByKey("gated");
    }
    await("a job at the gate, one queued and at least one refused, all locked").atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(200)).until(() -> gate.waiting() == 1 && lockedJobs().size() >= 3);

    StaticApplicationContext context = new StaticApplicationContext();
    context.getBeanFactory().registerSingleton("jobExecutor", jobExecutor);
    context.getBeanFactory().registerSingleton("camundaTaskExecutor", workers);
    context.refresh();
    JobExecutorShutdown shutdown = new JobExecutorShutdown(context, context.getBeanProvider(JobExecutor.class),
        context.getBeanProvider(ThreadPoolTaskExecutor.class), Duration.ofSeconds(20));
    CompletableFuture<Void> stopping = CompletableFuture.runAsync(
        () -> shutdown.onApplicationEvent(new ContextClosedEvent(context)));
    await("the job executor to stop acquiring").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
        .until(() -> !jobExecutor.isActive());
    assertThat(stopping).as("waits for the job at the gate").isNotDone();
    gate.open();
    stopping.get(20, TimeUnit.SECONDS);

    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().finished().count())
        .as("only the job that was running ran").isEqualTo(1);
    assertThat(engine.getManagementService().createJobQuery().count()).isEqualTo(5);
    assertThat(lockedJobs()).as("jobs still locked by the stopped node").isEmpty();
  }

  private List<JobEntity> lockedJobs() {
    return engine.getManagementService().createJobQuery().list().stream().map(JobEntity.class::cast)
        .filter(job -> job.getLockOwner() != null).toList();
  }

  private ProcessEngine engineWith(SpringJobExecutor jobExecutor) {
    ProcessEngineConfigurationImpl configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setJdbcUrl("jdbc:h2:mem:job-executor-shutdown;DB_CLOSE_DELAY=-1");
    configuration.setProcessEngineName("jobExecutorShutdownTest");
    configuration.setJobExecutor(jobExecutor);
    configuration.setJobExecutorActivate(true);
    configuration.setBeans(Map.of("gate", gate));
    configuration.setMetricsEnabled(false);
    return configuration.buildProcessEngine();
  }

  /** Holds every job that passes until opened. */
  public static final class Gate {

    private final CountDownLatch open = new CountDownLatch(1);
    private volatile int waiting;

    public void pass() throws InterruptedException {
      waiting++;
      open.await(30, TimeUnit.SECONDS);
    }

    int waiting() {
      return waiting;
    }

    void open() {
      open.countDown();
    }
  }
}
