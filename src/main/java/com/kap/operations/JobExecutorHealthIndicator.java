package com.kap.operations;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
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

  private final JobExecutor jobExecutor;
  private final TaskExecutor workers;
  private final JobBacklog backlog;

  public JobExecutorHealthIndicator(JobExecutor jobExecutor, @Qualifier("camundaTaskExecutor") TaskExecutor workers,
      JobBacklog backlog) {
    super("Job executor health check failed");
    this.jobExecutor = jobExecutor;
    this.workers = workers;
    this.backlog = backlog;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
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
    Map<String, Object> jobs = new LinkedHashMap<>();
    jobs.put("dueNow", backlog.dueNow());
    jobs.put("locked", backlog.locked());
    jobs.put("failedWithoutRetries", backlog.failedWithoutRetries());
    builder.withDetail("backlog", jobs);
  }
}
