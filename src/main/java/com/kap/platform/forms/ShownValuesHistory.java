package com.kap.platform.forms;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the copies a task shows out of the history. A form's display values and Tasklist's card columns are task
 * variables copied from KAP's tables or from process variables ({@link ShownVariables#setLocal}); both sources keep
 * their own record (the tables their audit, the process variables the engine's history). Each copy cost a history
 * row, a history detail and, for JSON, two more byte arrays: 25 of an account plan's 427 statements. What a user
 * submits is never such a copy and keeps its history, even where it replaces one: a KAM's own ritual calendar, over
 * the proposal shown, is in the history details.
 */
@Component
public class ShownValuesHistory extends AbstractProcessEnginePlugin {

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryEventHandler(new Filter(configuration.getHistoryEventHandler()));
  }

  /** The engine's history handler, without the events of shown copies. */
  record Filter(HistoryEventHandler recorded) implements HistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
      if (!shownCopy(event)) {
        recorded.handleEvent(event);
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      List<HistoryEvent> kept = events.stream().filter(event -> !shownCopy(event)).toList();
      if (!kept.isEmpty()) {
        recorded.handleEvents(kept);
      }
    }
  }

  /** An event of a task variable that KAP is writing as a shown copy right now, on this thread. */
  static boolean shownCopy(HistoryEvent event) {
    return event instanceof HistoricVariableUpdateEventEntity variable && variable.getTaskId() != null
        && ShownVariables.writingShown();
  }
}
