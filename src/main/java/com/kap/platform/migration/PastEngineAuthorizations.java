package com.kap.platform.migration;

import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Engine work for a caller whose KAP role has been checked, past the caller's engine authorizations: a process owner
 * may not read process instances (their variables hold e.g. blind scores), yet migrates them. The caller stays
 * authenticated, so that Camunda's operation log names who migrated.
 */
@Component
class PastEngineAuthorizations {

  private final ProcessEngineConfigurationImpl engine;

  PastEngineAuthorizations(ProcessEngineConfigurationImpl engine) {
    this.engine = engine;
  }

  /**
   * The engine services called by {@code work} share one command, whose authorization checks are off. An engine
   * exception that {@code work} catches has still marked the transaction for rollback: catch it outside, or run
   * this within a transaction of the caller's that is rolled back anyway.
   */
  <T> T call(Supplier<T> work) {
    return engine.getCommandExecutorTxRequired().execute(context -> {
      context.disableAuthorizationCheck();
      return work.get();
    });
  }
}
