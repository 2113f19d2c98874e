package com.kap.platform.deployment;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Puts KAP's deployment policy in front of Camunda's deployers (see {@link DeploymentPolicyDeployer}). */
@Component
public class DeploymentPolicyPlugin extends AbstractProcessEnginePlugin {

  private final DeploymentPolicyProperties properties;

  public DeploymentPolicyPlugin(DeploymentPolicyProperties properties) {
    this.properties = properties;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreDeployers() == null) {
      configuration.setCustomPreDeployers(new ArrayList<>());
    }
    configuration.getCustomPreDeployers()
        .add(new DeploymentPolicyDeployer(new ScriptLanguagePolicy(properties.allowedScriptLanguages())));
  }
}
