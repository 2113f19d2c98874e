package com.kap.platform.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.metrics.MetricsRegistry;

/**
 * Camunda's meter registry that also counts each engine metric in a Micrometer counter the moment the engine marks
 * it: "job-acquisition-attempt" becomes {@code camunda.job.acquisition.attempt} (Prometheus:
 * {@code camunda_job_acquisition_attempt_total}). Camunda's own meters, which its DbMetricsReporter empties into
 * ACT_RU_METER_LOG every 15 minutes for Cockpit, stay as they were.
 */
class MicrometerMetricsRegistry extends MetricsRegistry {

  private final MeterRegistry meterRegistry;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  MicrometerMetricsRegistry(MeterRegistry meterRegistry) {
    this.meterRegistry = meterRegistry;
  }

  @Override
  public void createMeter(String name) {
    super.createMeter(name);
    counters.computeIfAbsent(name, this::counter);
  }

  @Override
  public void createDbMeter(String name) {
    super.createDbMeter(name);
    counters.computeIfAbsent(name, this::counter);
  }

  @Override
  public void markOccurrence(String name, long times) {
    super.markOccurrence(name, times);
    Counter counter = counters.get(name);
    if (counter != null) {
      counter.increment(times);
    }
  }

  private Counter counter(String camundaName) {
    return Counter.builder("camunda." + camundaName.replace('-', '.'))
        .description("Camunda engine metric " + camundaName + " on this node since it started")
        .register(meterRegistry);
  }
}
