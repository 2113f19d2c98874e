package com.kap.platform.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/** The job backlog as gauges, read from the database at each scrape: the same for every node of a cluster. */
@Component
public class JobBacklogMetrics implements MeterBinder {

  private final JobBacklog backlog;

  public JobBacklogMetrics(JobBacklog backlog) {
    this.backlog = backlog;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("camunda.jobs.due", backlog, JobBacklog::dueNow)
        .description("Jobs due now with retries left, not suspended (including those a worker holds)")
        .register(registry);
    Gauge.builder("camunda.jobs.locked", backlog, JobBacklog::locked)
        .description("Jobs a job executor has locked").register(registry);
    Gauge.builder("camunda.jobs.failed", backlog, JobBacklog::failedWithoutRetries)
        .description("Failed jobs with no retries left: incidents waiting for an operator").register(registry);
  }
}
