package com.kap.platform.cluster;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Names this node in a cluster ({@code kap.cluster.node-name}, e.g. from KAP_NODE_NAME): the engine's hostname, which
 * the job log and the metrics reporter record, and the job executor's lock owner in ACT_RU_JOB, so that an operator
 * sees which node ran or holds a job. Unset, Camunda's defaults stay: {@code <IP address>$<engine name>} and a random
 * lock owner.
 * Each node needs its own name.
 */
@Component
public class NodeNamePlugin extends AbstractProcessEnginePlugin {

  private final String nodeName;

  public NodeNamePlugin(@Value("${kap.cluster.node-name:}") String nodeName) {
    this.nodeName = nodeName.strip();
  }

  /** Before the engine reads its hostname (the metrics reporter takes it as its id during init). */
  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (!nodeName.isEmpty()) {
      configuration.setHostname(nodeName);
    }
  }

  /** After Spring has given the engine its job executor, before it starts. */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!nodeName.isEmpty() && configuration.getJobExecutor() != null) {
      configuration.getJobExecutor().setLockOwner(nodeName);
    }
  }
}
