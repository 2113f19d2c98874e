package com.kap.platform.operations;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.jobexecutor.AcquireJobsRunnable;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.SequentialJobAcquisitionRunnable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Stops the job executor first when KAP stops (SIGTERM, Ctrl-C), before anything it needs is closed: acquisition
 * stops; the jobs this node had locked but not started are unlocked rather than left to wait out their lock time (5
 * minutes) — the ones its full worker pool had refused here, the queued ones by Camunda itself (an inactive job
 * executor unlocks instead of running); and the jobs running finish (up to {@code kap.jobs.shutdown-wait}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class JobExecutorShutdown implements ApplicationListener<ContextClosedEvent> {

  private static final Logger LOG = LoggerFactory.getLogger(JobExecutorShutdown.class);

  private final ApplicationContext context;
  private final ObjectProvider<JobExecutor> jobExecutors;
  private final ObjectProvider<ThreadPoolTaskExecutor> workerPools;
  private final Duration wait;

  /** A node may run without job execution (camunda.bpm.job-execution.enabled=false): then it has neither bean. */
  public JobExecutorShutdown(ApplicationContext context, ObjectProvider<JobExecutor> jobExecutors,
      @Qualifier("camundaTaskExecutor") ObjectProvider<ThreadPoolTaskExecutor> workerPools,
      @Value("${kap.jobs.shutdown-wait:30s}") Duration wait) {
    this.context = context;
    this.jobExecutors = jobExecutors;
    this.workerPools = workerPools;
    this.wait = wait;
  }

  @Override
  public void onApplicationEvent(ContextClosedEvent event) {
    if (event.getApplicationContext() != context) {
      return; // a child context closing (e.g. a management port's) leaves the jobs alone
    }
    JobExecutor jobExecutor = jobExecutors.getIfAvailable();
    ThreadPoolTaskExecutor workers = workerPools.getIfAvailable();
    if (jobExecutor == null || workers == null || !jobExecutor.isActive()) {
      return;
    }
    // the listeners after this one (the process application's undeployment among them) must run whatever happens here
    try {
      stop(jobExecutor, workers);
    } catch (RuntimeException failed) {
      LOG.warn("Job executor not stopped in order; its jobs wait out their lock time", failed);
    }
  }

  private void stop(JobExecutor jobExecutor, ThreadPoolTaskExecutor workers) {
    AcquireJobsRunnable acquisition = jobExecutor.getAcquireJobsRunnable();
    List<ProcessEngineImpl> engines = List.copyOf(jobExecutor.getProcessEngines());
    jobExecutor.shutdown(); // returns once the acquisition thread has ended
    int unlocked = unlockRefusedJobs(jobExecutor, acquisition, engines);
    ThreadPoolExecutor pool = workers.getThreadPoolExecutor();
    int running = pool.getActiveCount();
    pool.shutdown();
    if (Thread.currentThread().getName().startsWith(workers.getThreadNamePrefix())) {
      LOG.info("Job executor stopped from one of its jobs: {} refused job(s) unlocked", unlocked);
      return; // a job that stops KAP would otherwise wait for itself
    }
    try {
      if (!pool.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("{} worker(s) still running jobs after {}: those jobs roll back and run again once their lock time"
            + " has passed", pool.getActiveCount(), wait);
        return;
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return;
    }
    LOG.info("Job executor stopped: {} refused job(s) unlocked, {} worker(s) let finish their jobs", unlocked,
        running);
  }

  private int unlockRefusedJobs(JobExecutor jobExecutor, AcquireJobsRunnable acquisition,
      List<ProcessEngineImpl> engines) {
    if (!(acquisition instanceof SequentialJobAcquisitionRunnable sequential)) {
      return 0;
    }
    Map<String, List<List<String>>> refusedByEngine = sequential.getAcquisitionContext().getRejectedJobsByEngine();
    int unlocked = 0;
    for (ProcessEngineImpl engine : engines) {
      for (List<String> batch : refusedByEngine.getOrDefault(engine.getName(), List.of())) {
        // the job executor is inactive now, so its runnable unlocks each job instead of executing it
        jobExecutor.getExecuteJobsRunnable(batch, engine).run();
        unlocked += batch.size();
      }
    }
    return unlocked;
  }
}
