package com.kap.platform.migration;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.FlowElement;

/** The names a process owner knows the activities of one version by (Camunda reports their ids). */
final class ActivityNames {

  private static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";

  private final Map<String, String> byId = new HashMap<>();

  /** To be called within {@link PastEngineAuthorizations}: the caller may not be allowed to read the model. */
  ActivityNames(RepositoryService repository, String processDefinitionId) {
    for (FlowElement element : repository.getBpmnModelInstance(processDefinitionId)
        .getModelElementsByType(FlowElement.class)) {
      if (element.getName() != null) {
        byId.put(element.getId(), element.getName().replaceAll("\\s+", " ").trim());
      }
    }
  }

  /** The activity's name; a multi-instance body is named after its activity. Null when it has none. */
  String of(String activityId) {
    if (activityId == null) {
      return null;
    }
    if (activityId.endsWith(MULTI_INSTANCE_BODY)) {
      String inner = byId.get(activityId.substring(0, activityId.length() - MULTI_INSTANCE_BODY.length()));
      return inner == null ? null : inner + " (all instances)";
    }
    return byId.get(activityId);
  }
}
