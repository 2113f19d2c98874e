package com.kap.platform.engineguard;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/**
 * One more of the engine's command checkers: a job that belongs to no process (history cleanup, a batch's jobs) is
 * read (its stack trace), executed, re-dated, re-prioritised, retried or deleted only by administrators and
 * operators. Camunda checks process jobs against the process's rights but lets every user act on these ("standalone"
 * jobs: nothing to check). The engine's other checks all pass here; Camunda's own checkers still make them.
 */
public final class StandaloneJobChecker implements InvocationHandler {

  private static final Set<String> JOB_CHECKS = Set.of("checkReadJob", "checkUpdateJob", "checkUpdateRetriesJob");

  private final ProcessEngineConfigurationImpl configuration;

  private StandaloneJobChecker(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
  }

  public static CommandChecker create(ProcessEngineConfigurationImpl configuration) {
    return (CommandChecker) Proxy.newProxyInstance(StandaloneJobChecker.class.getClassLoader(),
        new Class<?>[] {CommandChecker.class}, new StandaloneJobChecker(configuration));
  }

  @Override
  public Object invoke(Object proxy, java.lang.reflect.Method method, Object[] args) {
    switch (method.getName()) {
      case "toString":
        return "StandaloneJobChecker";
      case "hashCode":
        return System.identityHashCode(proxy);
      case "equals":
        return proxy == args[0];
      default:
        break;
    }
    if (JOB_CHECKS.contains(method.getName()) && args != null && args.length == 1 && args[0] instanceof JobEntity job
        && job.getProcessDefinitionKey() == null) {
      check(job, method.getName().equals("checkReadJob") ? "READ" : "UPDATE");
    }
    return null;
  }

  private void check(JobEntity job, String permission) {
    CommandContext context = Context.getCommandContext();
    if (context == null || !context.isAuthorizationCheckEnabled() || !configuration.isAuthorizationEnabled()) {
      return;
    }
    Authentication user = context.getAuthentication();
    if (user == null || user.getUserId() == null || EngineRoles.isAdminOrOperator(configuration, user)) {
      return;
    }
    throw new AuthorizationException("User '" + user.getUserId() + "' may not " + permission.toLowerCase()
        + " job " + job.getId() + ": it belongs to no process (history cleanup or a batch); only administrators "
        + "and operators may.");
  }
}
