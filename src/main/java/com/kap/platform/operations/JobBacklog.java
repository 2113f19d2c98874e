package com.kap.platform.operations;

import org.camunda.bpm.engine.ManagementService;
import org.springframework.stereotype.Component;

/**
 * How much work waits for the job executor, counted in the database (so across all nodes): jobs due now with retries
 * left (whether or not a worker holds them yet), jobs a job executor has locked, and failed jobs with no retries
 * left (each one an incident in Cockpit). Three count queries; the health endpoint and each metrics scrape ask.
 */
@Component
public class JobBacklog {

  private final ManagementService managementService;

  public JobBacklog(ManagementService managementService) {
    this.managementService = managementService;
  }

  public long dueNow() {
    return managementService.createJobQuery().executable().active().count();
  }

  public long locked() {
    return managementService.createJobQuery().acquired().count();
  }

  public long failedWithoutRetries() {
    return managementService.createJobQuery().noRetriesLeft().count();
  }
}
