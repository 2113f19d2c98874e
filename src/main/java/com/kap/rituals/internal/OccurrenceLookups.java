package com.kap.rituals.internal;

import com.kap.rituals.Occurrence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

/**
 * The occurrences one engine command has read by execution. The timer that creates "Hold ritual" needs the
 * occurrence five times (grace timer, assignee, candidate groups, due date, form fields), each time walking from the
 * task's execution up to the branch's; with this, the table is read once per execution and command. A write to the
 * occurrence table forgets everything read, so a step after a change in the same command (the moved-ritual gateway
 * after "Hold ritual", the new day's timer) reads the change. Lives as long as the command: a Camunda session.
 */
public final class OccurrenceLookups implements Session {

  private final Map<String, Optional<Occurrence>> byExecution = new HashMap<>();

  /** What the command has read for the execution, or reads it now; outside engine commands, always reads. */
  public static Optional<Occurrence> byExecution(String executionId, Function<String, Optional<Occurrence>> read) {
    CommandContext command = Context.getCommandContext();
    if (command == null) {
      return read.apply(executionId);
    }
    return command.getSession(OccurrenceLookups.class).byExecution.computeIfAbsent(executionId, read);
  }

  /** The occurrence table changed: the command reads again. */
  public static void forget() {
    CommandContext command = Context.getCommandContext();
    if (command != null) {
      command.getSession(OccurrenceLookups.class).byExecution.clear();
    }
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}

  /** Opens the lookups with each command that asks for them. */
  @Component
  public static class Registration extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
      List<SessionFactory> factories = new ArrayList<>();
      if (configuration.getCustomSessionFactories() != null) {
        factories.addAll(configuration.getCustomSessionFactories());
      }
      factories.add(new SessionFactory() {
        @Override
        public Class<?> getSessionType() {
          return OccurrenceLookups.class;
        }

        @Override
        public Session openSession() {
          return new OccurrenceLookups();
        }
      });
      configuration.setCustomSessionFactories(factories);
    }
  }
}
