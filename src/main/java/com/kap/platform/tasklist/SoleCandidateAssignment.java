package com.kap.platform.tasklist;

import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * A group task whose groups hold exactly one person is that person's task: it is assigned to them when it is created,
 * so that it shows in "My tasks" and opens ready to complete. Without it the programme director had to find the
 * approval in a group filter and claim it first, and nothing in Tasklist said so. A task whose groups hold more
 * people stays a group task to claim. The same holds for a task offered to named people: one of them alone gets it
 * (e.g. the only global committee member free to review an appeal).
 */
@Component
public class SoleCandidateAssignment extends AbstractProcessEnginePlugin {

  private static final TaskListener ASSIGN_SOLE_CANDIDATE = SoleCandidateAssignment::assign;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EveryUserTask.onCreate(configuration, ASSIGN_SOLE_CANDIDATE);
  }

  static void assign(DelegateTask task) {
    if (task.getAssignee() != null || task.getCandidates().isEmpty()) {
      return;
    }
    Set<String> groups = new LinkedHashSet<>();
    Set<String> named = new LinkedHashSet<>();
    for (IdentityLink candidate : task.getCandidates()) {
      if (!IdentityLinkType.CANDIDATE.equals(candidate.getType())) {
        return;
      }
      if (candidate.getUserId() != null) {
        named.add(candidate.getUserId());
      } else {
        groups.add(candidate.getGroupId());
      }
    }
    if (!named.isEmpty()) {
      // the diagram named people: one of them alone is the task's person, several share it
      if (named.size() == 1 && groups.isEmpty()) {
        task.setAssignee(named.iterator().next());
      }
      return;
    }
    IdentityService identity = task.getProcessEngineServices().getIdentityService();
    Set<String> people = Context.getCommandContext().runWithoutAuthorization(() -> {
      Set<String> found = new LinkedHashSet<>();
      for (String group : groups) {
        for (User user : identity.createUserQuery().memberOfGroup(group).listPage(0, 2)) {
          found.add(user.getId());
        }
        if (found.size() > 1) {
          break;
        }
      }
      return found;
    });
    if (people.size() == 1) {
      task.setAssignee(people.iterator().next());
    }
  }
}
