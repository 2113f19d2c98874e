package com.kap.platform.migration;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/** The deployed versions of a process and their running instances, whatever the caller may read in the engine. */
@Component
class ProcessVersions {

  /** Below the engine's queryMaxResultsLimit, which refuses longer pages. */
  private static final int PAGE = 500;

  record RunningInstance(String id, String businessKey) {}

  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final PastEngineAuthorizations engine;

  ProcessVersions(RepositoryService repository, RuntimeService runtime, PastEngineAuthorizations engine) {
    this.repository = repository;
    this.runtime = runtime;
    this.engine = engine;
  }

  /** Every version of the process, oldest first; none for a key that was never deployed. */
  List<ProcessDefinition> all(String processKey) {
    return engine.call(() -> {
      List<ProcessDefinition> versions = new ArrayList<>();
      List<ProcessDefinition> page;
      do {
        page = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
            .orderByProcessDefinitionVersion().asc().listPage(versions.size(), PAGE);
        versions.addAll(page);
      } while (page.size() == PAGE);
      return versions;
    });
  }

  long runningInstances(String processDefinitionId) {
    return engine.call(() -> runtime.createProcessInstanceQuery().processDefinitionId(processDefinitionId).count());
  }

  /** The instances on a version now, read in full before any of them moves (a migration would shift the pages). */
  List<RunningInstance> runningOn(String processDefinitionId) {
    return engine.call(() -> {
      List<RunningInstance> instances = new ArrayList<>();
      List<ProcessInstance> page;
      do {
        page = runtime.createProcessInstanceQuery().processDefinitionId(processDefinitionId)
            .orderByProcessInstanceId().asc().listPage(instances.size(), PAGE);
        page.forEach(instance -> instances.add(new RunningInstance(instance.getId(), instance.getBusinessKey())));
      } while (page.size() == PAGE);
      return instances;
    });
  }

  Deployment deploymentOf(ProcessDefinition definition) {
    return engine.call(() -> repository.createDeploymentQuery().deploymentId(definition.getDeploymentId())
        .singleResult());
  }
}
