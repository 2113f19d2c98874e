package com.kap.platform.operations;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Health component "jobExecutor" in place of Camunda's (same bean name): down when this node's job executor is not
 * running, with its workers and the backlog as details. Failed jobs leave it up: they are incidents of single
 * process instances for Cockpit, not a reason for a load balancer to drop the node.
 */
@Component("jobExecutorHealthIndicator")
public class JobExecutorHealthIndicator extends AbstractHealthIndicator {

  private final ObjectProvider<JobExecutor> jobExecutors;
  private final ObjectProvider<TaskExecutor> workerPools;
  private final JobBacklog backlog;

  /** A node may run without job execution (camunda.bpm.job-execution.enabled=false): then it has neither bean. */
  public JobExecutorHealthIndicator(ObjectProvider<JobExecutor> jobExecutors,
      @Qualifier("camundaTaskExecutor") ObjectProvider<TaskExecutor> workerPools, JobBacklog backlog) {
    super("Job executor health check failed");
    this.jobExecutors = jobExecutors;
    this.workerPools = workerPools;
    this.backlog = backlog;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    builder.withDetail("backlog", backlog());
    JobExecutor jobExecutor = jobExecutors.getIfAvailable();
    if (jobExecutor == null) {
      builder.up().withDetail("enabled", false);
      return;
    }
    TaskExecutor workers = workerPools.getIfAvailable();
    builder.status(jobExecutor.isActive() ? "UP" : "DOWN")
        .withDetail("lockOwner", jobExecutor.getLockOwner())
        .withDetail("maxJobsPerAcquisition", jobExecutor.getMaxJobsPerAcquisition())
        .withDetail("lockTimeInMillis", jobExecutor.getLockTimeInMillis());
    if (workers instanceof ThreadPoolTaskExecutor pool) {
      Map<String, Object> threads = new LinkedHashMap<>();
      threads.put("corePoolSize", pool.getCorePoolSize());
      threads.put("maxPoolSize", pool.getMaxPoolSize());
      threads.put("queueCapacity", pool.getQueueCapacity());
      threads.put("active", pool.getActiveCount());
      builder.withDetail("workers", threads);
    }
  }

  private Map<String, Object> backlog() {
    Map<String, Object> jobs = new LinkedHashMap<>();
    jobs.put("dueNow", backlog.dueNow());
    jobs.put("locked", backlog.locked());
    jobs.put("failedWithoutRetries", backlog.failedWithoutRetries());
    return jobs;
  }
}
