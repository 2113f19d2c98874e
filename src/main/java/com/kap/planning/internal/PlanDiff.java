package com.kap.planning.internal;

import com.kap.planning.PlanChange;
import com.kap.planning.PlanChange.Kind;
import com.kap.planning.PlanContent;
import com.kap.platform.forms.FormLabels;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What changed between two versions of a plan, section by section, in the labels of the plan form. Text sections
 * compare as a whole; in a list section (objectives, actions, risks, training needs, stakeholders) an entry is
 * recognised by its own words (an objective's description, the action, the risk, the need, the stakeholder's name),
 * so that a changed target shows as one changed field of that objective, and an entry whose words changed as one
 * removed and one added.
 */
public final class PlanDiff {

  static final String FORM = "draftAccountPlan";

  private PlanDiff() {}

  public static List<PlanChange> between(PlanContent before, PlanContent after) {
    List<PlanChange> changes = new ArrayList<>();
    text(changes, "Customer situation", before.customerSituation(), after.customerSituation());
    text(changes, "Customer strategy", before.customerStrategy(), after.customerStrategy());
    text(changes, "Our strengths", before.strengths(), after.strengths());
    text(changes, "Our vulnerabilities", before.vulnerabilities(), after.vulnerabilities());
    entries(changes, "Objectives", before.objectives(), after.objectives(), PlanDiff::objectiveKey,
        PlanDiff::objective);
    text(changes, "Strategies", before.strategies(), after.strategies());
    entries(changes, "Action plan", before.actions(), after.actions(), PlanContent.Action::action, PlanDiff::action);
    entries(changes, "Risks", before.risks(), after.risks(), PlanContent.Risk::risk, PlanDiff::risk);
    entries(changes, "Training needs", before.trainingNeeds(), after.trainingNeeds(),
        PlanContent.TrainingNeed::need, PlanDiff::trainingNeed);
    text(changes, "Sponsor touchpoints", before.sponsorTouchpoints(), after.sponsorTouchpoints());
    entries(changes, "Stakeholders", before.stakeholders(), after.stakeholders(), PlanContent.Stakeholder::name,
        PlanDiff::stakeholder);
    return changes;
  }

  private static void text(List<PlanChange> changes, String section, String before, String after) {
    String was = blankToNull(before);
    String is = blankToNull(after);
    if (Objects.equals(was, is)) {
      return;
    }
    Kind kind = was == null ? Kind.ADDED : is == null ? Kind.REMOVED : Kind.CHANGED;
    changes.add(new PlanChange(section, null, null, kind, was, is));
  }

  /**
   * Entries matched by their key, each old entry at most once and in order, so that two entries of the same words
   * pair up with two.
   */
  private static <T> void entries(List<PlanChange> changes, String section, List<T> before, List<T> after,
      Function<T, String> key, Function<T, Map<String, String>> fields) {
    List<T> unmatched = new ArrayList<>(before == null ? List.of() : before);
    for (T entry : after == null ? List.<T>of() : after) {
      String name = keyOf(key, entry);
      T previous = unmatched.stream().filter(old -> keyOf(key, old).equals(name)).findFirst().orElse(null);
      if (previous == null) {
        changes.add(new PlanChange(section, name, null, Kind.ADDED, null, summary(fields.apply(entry))));
        continue;
      }
      unmatched.remove(previous);
      Map<String, String> was = fields.apply(previous);
      Map<String, String> is = fields.apply(entry);
      for (String field : is.keySet()) {
        String old = was.get(field);
        String now = is.get(field);
        if (!Objects.equals(old, now)) {
          Kind kind = old == null ? Kind.ADDED : now == null ? Kind.REMOVED : Kind.CHANGED;
          changes.add(new PlanChange(section, name, field, kind, old, now));
        }
      }
    }
    for (T removed : unmatched) {
      changes.add(new PlanChange(section, keyOf(key, removed), null, Kind.REMOVED, summary(fields.apply(removed)),
          null));
    }
  }

  private static <T> String keyOf(Function<T, String> key, T entry) {
    String name = blankToNull(key.apply(entry));
    return name == null ? "(no text)" : name;
  }

  private static String objectiveKey(PlanContent.Objective objective) {
    String description = blankToNull(objective.description());
    return description != null ? description : option("objectives[].type", objective.type());
  }

  private static Map<String, String> objective(PlanContent.Objective o) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("Type", option("objectives[].type", o.type()));
    fields.put("Objective", blankToNull(o.description()));
    fields.put("Metric", blankToNull(o.metric()));
    fields.put("Baseline", blankToNull(o.baseline()));
    fields.put("Target", blankToNull(o.target()));
    fields.put("Due date", date(o.dueDate()));
    return fields;
  }

  private static Map<String, String> action(PlanContent.Action a) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("Action", blankToNull(a.action()));
    fields.put("Owner", blankToNull(a.owner()));
    fields.put("Due date", date(a.dueDate()));
    return fields;
  }

  private static Map<String, String> risk(PlanContent.Risk r) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("Risk", blankToNull(r.risk()));
    fields.put("Likelihood", option("risks[].likelihood", r.likelihood()));
    fields.put("Mitigation", blankToNull(r.mitigation()));
    return fields;
  }

  private static Map<String, String> trainingNeed(PlanContent.TrainingNeed t) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("For whom", option("trainingNeeds[].forWhom", t.forWhom()));
    fields.put("Need", blankToNull(t.need()));
    return fields;
  }

  private static Map<String, String> stakeholder(PlanContent.Stakeholder s) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("Name", blankToNull(s.name()));
    fields.put("Title", blankToNull(s.title()));
    fields.put("Buying role", option("stakeholders[].buyingRole", s.buyingRole()));
    fields.put("Influence", option("stakeholders[].influence", s.influence()));
    fields.put("Attitude", option("stakeholders[].attitude", s.attitude()));
    fields.put("Relationship owner", blankToNull(s.owner()));
    fields.put("Reports to", blankToNull(s.reportsTo()));
    return fields;
  }

  /** An entry in words: "Type: Profitability; Objective: Lift margin; Target: 27%", the empty fields left out. */
  static String summary(Map<String, String> fields) {
    List<String> parts = new ArrayList<>();
    fields.forEach((label, value) -> {
      if (value != null) {
        parts.add(label + ": " + value);
      }
    });
    return String.join("; ", parts);
  }

  private static String option(String field, String value) {
    return blankToNull(value) == null ? null : FormLabels.option(FORM, field, value);
  }

  private static String date(LocalDate date) {
    return date == null ? null : date.toString();
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
