package com.kap.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import org.camunda.bpm.engine.task.Task;

/**
 * A task of a role's group: its candidate group is the role, and where the group holds one person (as in the demo:
 * diane, hana, gilles) the task is already that person's, with no claim step.
 */
public final class GroupTasks {

  private GroupTasks() {}

  public static void assertGroupTaskOfSoleMember(Task task, String group, String soleMember) {
    assertThat(task).as("the task").isNotNull();
    assertThat(taskService().getIdentityLinksForTask(task.getId()))
        .as("candidate groups of %s", task.getTaskDefinitionKey())
        .anyMatch(link -> group.equals(link.getGroupId()));
    assertThat(task.getAssignee()).as("assignee of %s, the only member of %s", task.getTaskDefinitionKey(), group)
        .isEqualTo(soleMember);
  }
}
