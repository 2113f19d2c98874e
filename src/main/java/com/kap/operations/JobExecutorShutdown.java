package com.kap.operations;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.jobexecutor.AcquireJobsRunnable;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.SequentialJobAcquisitionRunnable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Stops the job executor first when KAP stops (SIGTERM, Ctrl-C), before anything it needs is closed: acquisition
 * stops, running jobs finish (up to {@code kap.jobs.shutdown-wait}), and the jobs this node had locked but not started
 * are unlocked rather than left to wait out their lock time (5 minutes) — queued ones by Camunda itself (an inactive
 * job executor unlocks instead of running), the ones its full worker pool had refused here.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class JobExecutorShutdown implements ApplicationListener<ContextClosedEvent> {

  private static final Logger LOG = LoggerFactory.getLogger(JobExecutorShutdown.class);

  private final ObjectProvider<JobExecutor> jobExecutors;
  private final ObjectProvider<ThreadPoolTaskExecutor> workerPools;
  private final ProcessEngine engine;
  private final Duration wait;

  /** A node may run without job execution (camunda.bpm.job-execution.enabled=false): then it has neither bean. */
  public JobExecutorShutdown(ObjectProvider<JobExecutor> jobExecutors,
      @Qualifier("camundaTaskExecutor") ObjectProvider<ThreadPoolTaskExecutor> workerPools, ProcessEngine engine,
      @Value("${kap.jobs.shutdown-wait:30s}") Duration wait) {
    this.jobExecutors = jobExecutors;
    this.workerPools = workerPools;
    this.engine = engine;
    this.wait = wait;
  }

  @Override
  public void onApplicationEvent(ContextClosedEvent event) {
    JobExecutor jobExecutor = jobExecutors.getIfAvailable();
    ThreadPoolTaskExecutor workers = workerPools.getIfAvailable();
    if (jobExecutor == null || workers == null || !jobExecutor.isActive()) {
      return;
    }
    AcquireJobsRunnable acquisition = jobExecutor.getAcquireJobsRunnable();
    jobExecutor.shutdown();
    ThreadPoolExecutor pool = workers.getThreadPoolExecutor();
    int running = pool.getActiveCount();
    pool.shutdown();
    try {
      if (!pool.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("{} worker(s) still running jobs after {}: those jobs roll back and run again once their lock time"
            + " has passed", pool.getActiveCount(), wait);
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
    int unlocked = unlockRefusedJobs(jobExecutor, acquisition);
    LOG.info("Job executor stopped: {} worker(s) let finish their jobs, {} job(s) the full pool had refused unlocked",
        running, unlocked);
  }

  private int unlockRefusedJobs(JobExecutor jobExecutor, AcquireJobsRunnable acquisition) {
    if (!(acquisition instanceof SequentialJobAcquisitionRunnable sequential)) {
      return 0;
    }
    ProcessEngineImpl processEngine = (ProcessEngineImpl) engine;
    List<List<String>> refused = sequential.getAcquisitionContext().getRejectedJobsByEngine()
        .getOrDefault(processEngine.getName(), List.of());
    // the job executor is inactive now, so its runnable unlocks each job instead of executing it
    refused.forEach(batch -> jobExecutor.getExecuteJobsRunnable(batch, processEngine).run());
    return refused.stream().mapToInt(List::size).sum();
  }
}
