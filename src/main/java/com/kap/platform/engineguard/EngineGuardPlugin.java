package com.kap.platform.engineguard;

import com.kap.platform.forms.ShownTextListener;
import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The engine-side defences against users steering the engine: expressions resolve KAP's beans before variables
 * ({@link BeansFirstExpressionManager}), users write only their forms' fields ({@link UserCommandGuard}), and jobs
 * outside any process are for administrators and operators ({@link StandaloneJobChecker}); what one user typed
 * shows as text in another's form ({@link ShownTextListener}).
 */
@Component
public class EngineGuardPlugin extends AbstractProcessEnginePlugin {

  private final ApplicationContext applicationContext;

  public EngineGuardPlugin(ApplicationContext applicationContext) {
    this.applicationContext = applicationContext;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setExpressionManager(new BeansFirstExpressionManager(applicationContext, configuration.getBeans()));
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(new UserCommandGuard(configuration));
    if (configuration.getCustomPreCommandInterceptorsTxRequiresNew() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequiresNew(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequiresNew().add(new UserCommandGuard(configuration));
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(ShownTextListener.parseListener());
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.getCommandCheckers().add(StandaloneJobChecker.create(configuration));
  }
}
