package com.kap.platform.operations;

import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Gives the engine a {@link MicrometerMetricsRegistry}, so that Prometheus sees Camunda's metrics as they happen
 * rather than as the DbMetricsReporter last wrote them to the database (every 15 minutes, cluster-wide).
 */
@Component
public class EngineMetricsPlugin extends AbstractProcessEnginePlugin {

  private final MeterRegistry meterRegistry;

  public EngineMetricsPlugin(MeterRegistry meterRegistry) {
    this.meterRegistry = meterRegistry;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setMetricsRegistry(new MicrometerMetricsRegistry(meterRegistry));
  }
}
