package com.kap.planning.internal;

import com.kap.planning.PlanContent.Stakeholder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a stakeholder list must hold together, beyond each row's own fields: every name once, and every "reports to"
 * naming another stakeholder of the same list without running in a circle, so that the list draws as an org chart.
 * Names compare without regard to case or surrounding spaces.
 */
public final class StakeholderRules {

  /** One row's problem: the field's path ({@code stakeholders[2].reportsTo}) and what is wrong. */
  public record Problem(String path, com.kap.platform.forms.Problem problem) {}

  private StakeholderRules() {}

  public static List<Problem> problems(List<Stakeholder> stakeholders) {
    List<Problem> problems = new ArrayList<>();
    Map<String, Integer> rowOf = new HashMap<>();
    for (int i = 0; i < stakeholders.size(); i++) {
      String name = key(stakeholders.get(i).name());
      if (name == null) {
        continue; // the row's own check names the missing name
      }
      Integer first = rowOf.putIfAbsent(name, i);
      if (first != null) {
        problems.add(new Problem(path(i, "name"), com.kap.platform.forms.Problem.of("stakeholder.twice",
            stakeholders.get(i).name().strip(), first + 1)));
      }
    }
    for (int i = 0; i < stakeholders.size(); i++) {
      Stakeholder s = stakeholders.get(i);
      String boss = key(s.reportsTo());
      if (boss == null) {
        continue;
      }
      if (boss.equals(key(s.name()))) {
        problems.add(new Problem(path(i, "reportsTo"), com.kap.platform.forms.Problem.of("stakeholder.reportsToSelf",
            s.name().strip())));
      } else if (!rowOf.containsKey(boss)) {
        problems.add(new Problem(path(i, "reportsTo"), com.kap.platform.forms.Problem.of(
            "stakeholder.reportsToUnknown", s.reportsTo().strip())));
      }
    }
    Set<Integer> inReportedCircle = new HashSet<>();
    for (int i = 0; i < stakeholders.size(); i++) {
      List<Integer> circle = circleFrom(i, stakeholders, rowOf);
      if (!circle.isEmpty() && circle.get(0) == i && inReportedCircle.addAll(circle)) {
        List<String> names = new ArrayList<>();
        circle.forEach(row -> names.add(stakeholders.get(row).name().strip()));
        names.add(stakeholders.get(i).name().strip());
        problems.add(new Problem(path(i, "reportsTo"), com.kap.platform.forms.Problem.of(
            "stakeholder.circle", String.join(" → ", names))));
      }
    }
    return problems;
  }

  /** The rows of the circle that row {@code start} lies on, starting with it; empty when it lies on none. */
  private static List<Integer> circleFrom(int start, List<Stakeholder> stakeholders, Map<String, Integer> rowOf) {
    List<Integer> path = new ArrayList<>();
    Integer row = start;
    Set<Integer> seen = new HashSet<>();
    while (row != null && seen.add(row)) {
      path.add(row);
      String boss = key(stakeholders.get(row).reportsTo());
      Integer next = boss == null ? null : rowOf.get(boss);
      if (next != null && next.equals(row)) {
        return List.of(); // reports to themself: named above
      }
      row = next;
    }
    return row != null && row == start ? path : List.of();
  }

  /** Names compare as people read them: "Eva Lind" is " eva lind ". */
  public static String key(String name) {
    return name == null || name.isBlank() ? null : name.strip().toLowerCase(Locale.ROOT);
  }

  private static String path(int row, String field) {
    return "stakeholders[" + row + "]." + field;
  }
}
