package com.kap.platform.identity;

import com.kap.platform.i18n.UserLocales;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.stereotype.Component;

/**
 * The language a task's texts are written in: its assignee's; for a task nobody holds yet, the language its
 * candidates (candidate users and the members of candidate groups, e.g. the programme directors) share, else the
 * installation's ({@link UserLocales#sharedBy}).
 */
@Component
public class TaskReaders {

  private final UserLocales locales;
  private final KnownUsers users;

  public TaskReaders(UserLocales locales, KnownUsers users) {
    this.locales = locales;
    this.users = users;
  }

  /** The language of whoever the task is for now. */
  public Locale of(DelegateTask task) {
    if (task.getAssignee() != null) {
      return locales.of(task.getAssignee());
    }
    Set<String> candidates = new TreeSet<>();
    for (IdentityLink link : task.getCandidates()) {
      if (link.getUserId() != null) {
        candidates.add(link.getUserId());
      } else if (link.getGroupId() != null) {
        candidates.addAll(users.membersOf(link.getGroupId()));
      }
    }
    return locales.sharedBy(candidates);
  }
}
