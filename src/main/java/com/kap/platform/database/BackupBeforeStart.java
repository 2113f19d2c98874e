package com.kap.platform.database;

import java.util.ArrayList;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Backs up the H2 file database before a planning cycle or a budget round starts, whoever starts it (a user, the
 * yearly schedule): the backup holds everything up to the moment before. When the backup cannot be written the start
 * is refused with the reason, and nothing of it is kept.
 */
@Component
public class BackupBeforeStart extends AbstractProcessEnginePlugin {

  /** The processes whose start is worth a backup, with the backup's name for it. */
  static final Map<String, String> PROCESSES = Map.of("annualPlanningCycle", "before-cycle",
      "budgetRound", "before-budget-round");

  private final H2Backups backups;

  public BackupBeforeStart(H2Backups backups) {
    this.backups = backups;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (!backups.active()) {
      return;
    }
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity process) {
        String reason = PROCESSES.get(process.getKey());
        if (reason != null) {
          process.addBuiltInListener(ExecutionListener.EVENTNAME_START, execution -> {
            try {
              backups.backUp(reason);
            } catch (H2Backups.BackupFailed failed) {
              throw new ProcessEngineException(failed.getMessage() + ". Nothing was started; ask the operator to "
                  + "free or fix the backup folder, then start again.", failed);
            }
          });
        }
      }
    });
  }
}
