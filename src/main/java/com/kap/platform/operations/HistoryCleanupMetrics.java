package com.kap.platform.operations;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.stereotype.Component;

/**
 * What the history cleanup removed, all nodes together, as {@code camunda_history_cleanup_removed_total{kind=…}}.
 * The cleanup writes these counts straight to the database (not through the engine's meter registry), so they are
 * read from there at each scrape: they show that the nightly cleanup runs.
 */
@Component
public class HistoryCleanupMetrics implements MeterBinder {

  private static final Map<String, String> KINDS = Map.of(
      "process-instances", Metrics.HISTORY_CLEANUP_REMOVED_PROCESS_INSTANCES,
      "decision-instances", Metrics.HISTORY_CLEANUP_REMOVED_DECISION_INSTANCES,
      "batch-operations", Metrics.HISTORY_CLEANUP_REMOVED_BATCH_OPERATIONS,
      "task-metrics", Metrics.HISTORY_CLEANUP_REMOVED_TASK_METRICS);

  private final ManagementService managementService;

  public HistoryCleanupMetrics(ManagementService managementService) {
    this.managementService = managementService;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    KINDS.forEach((kind, metric) -> FunctionCounter.builder("camunda.history.cleanup.removed", managementService,
            engine -> engine.createMetricsQuery().name(metric).sum())
        .tag("kind", kind).description("Rows the history cleanup removed, all nodes, since the database was created")
        .register(registry));
  }
}
