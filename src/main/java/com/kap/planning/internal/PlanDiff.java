package com.kap.planning.internal;

import com.kap.planning.PlanChange;
import com.kap.planning.PlanChange.Kind;
import com.kap.planning.PlanContent;
import com.kap.platform.forms.DisplayDates;
import com.kap.platform.forms.FormLabels;
import com.kap.platform.i18n.Bundles;
import com.kap.platform.i18n.SourceTexts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What changed between two versions of a plan, section by section, in the labels of the plan form. Text sections
 * compare as a whole; in a list section (objectives, actions, risks, training needs, stakeholders) an entry is
 * recognised by its own words (an objective's description, the action, the risk, the need, the stakeholder's name),
 * so that a changed target shows as one changed field of that objective, and an entry whose words changed as one
 * removed and one added. Sections, fields and options are named in the reader's language (the planning bundle's
 * {@code planChange.*}, the form's options through {@link FormLabels}), a day as the pages write it; what people
 * typed stays as typed.
 */
public final class PlanDiff {

  static final String FORM = "draftAccountPlan";

  private PlanDiff() {}

  /** What changed, in English. */
  public static List<PlanChange> between(PlanContent before, PlanContent after) {
    return between(before, after, Locale.ENGLISH);
  }

  /** What changed, named in the reader's language. */
  public static List<PlanChange> between(PlanContent before, PlanContent after, Locale reader) {
    Words w = new Words(reader);
    List<PlanChange> changes = new ArrayList<>();
    text(changes, w.section("customerSituation"), before.customerSituation(), after.customerSituation());
    text(changes, w.section("customerStrategy"), before.customerStrategy(), after.customerStrategy());
    text(changes, w.section("strengths"), before.strengths(), after.strengths());
    text(changes, w.section("vulnerabilities"), before.vulnerabilities(), after.vulnerabilities());
    entries(changes, w, w.section("objectives"), before.objectives(), after.objectives(),
        o -> objectiveKey(o, w), o -> objective(o, w));
    text(changes, w.section("strategies"), before.strategies(), after.strategies());
    entries(changes, w, w.section("actions"), before.actions(), after.actions(), PlanContent.Action::action,
        a -> action(a, w));
    entries(changes, w, w.section("risks"), before.risks(), after.risks(), PlanContent.Risk::risk, r -> risk(r, w));
    entries(changes, w, w.section("trainingNeeds"), before.trainingNeeds(), after.trainingNeeds(),
        PlanContent.TrainingNeed::need, t -> trainingNeed(t, w));
    text(changes, w.section("sponsorTouchpoints"), before.sponsorTouchpoints(), after.sponsorTouchpoints());
    entries(changes, w, w.section("stakeholders"), before.stakeholders(), after.stakeholders(),
        PlanContent.Stakeholder::name, s -> stakeholder(s, w));
    return changes;
  }

  /** The names of the diff in the reader's language. */
  private record Words(Locale reader) {

    String text(String key, Object... args) {
      return Bundles.standalone().getMessage(key, args, reader);
    }

    String section(String key) {
      return text("planChange.section." + key);
    }

    String field(String key) {
      return text("planChange.field." + key);
    }

    String option(String field, String value) {
      return blankToNull(value) == null ? null : FormLabels.option(FORM, field, value, reader);
    }

    String date(LocalDate date) {
      return date == null ? null : SourceTexts.isFrench(reader) ? DisplayDates.format(date, reader) : date.toString();
    }
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
  private static <T> void entries(List<PlanChange> changes, Words w, String section, List<T> before, List<T> after,
      Function<T, String> key, Function<T, Map<String, String>> fields) {
    List<T> unmatched = new ArrayList<>(before == null ? List.of() : before);
    for (T entry : after == null ? List.<T>of() : after) {
      String name = keyOf(key, entry, w);
      T previous = unmatched.stream().filter(old -> keyOf(key, old, w).equals(name)).findFirst().orElse(null);
      if (previous == null) {
        changes.add(new PlanChange(section, name, null, Kind.ADDED, null, summary(fields.apply(entry), w)));
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
      changes.add(new PlanChange(section, keyOf(key, removed, w), null, Kind.REMOVED,
          summary(fields.apply(removed), w), null));
    }
  }

  private static <T> String keyOf(Function<T, String> key, T entry, Words w) {
    String name = blankToNull(key.apply(entry));
    return name == null ? w.text("planChange.noText") : name;
  }

  private static String objectiveKey(PlanContent.Objective objective, Words w) {
    String description = blankToNull(objective.description());
    return description != null ? description : w.option("objectives[].type", objective.type());
  }

  private static Map<String, String> objective(PlanContent.Objective o, Words w) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put(w.field("type"), w.option("objectives[].type", o.type()));
    fields.put(w.field("objective"), blankToNull(o.description()));
    fields.put(w.field("metric"), blankToNull(o.metric()));
    fields.put(w.field("baseline"), blankToNull(o.baseline()));
    fields.put(w.field("target"), blankToNull(o.target()));
    fields.put(w.field("dueDate"), w.date(o.dueDate()));
    return fields;
  }

  private static Map<String, String> action(PlanContent.Action a, Words w) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put(w.field("action"), blankToNull(a.action()));
    fields.put(w.field("owner"), blankToNull(a.owner()));
    fields.put(w.field("dueDate"), w.date(a.dueDate()));
    return fields;
  }

  private static Map<String, String> risk(PlanContent.Risk r, Words w) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put(w.field("risk"), blankToNull(r.risk()));
    fields.put(w.field("likelihood"), w.option("risks[].likelihood", r.likelihood()));
    fields.put(w.field("mitigation"), blankToNull(r.mitigation()));
    return fields;
  }

  private static Map<String, String> trainingNeed(PlanContent.TrainingNeed t, Words w) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put(w.field("forWhom"), w.option("trainingNeeds[].forWhom", t.forWhom()));
    fields.put(w.field("need"), blankToNull(t.need()));
    return fields;
  }

  private static Map<String, String> stakeholder(PlanContent.Stakeholder s, Words w) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put(w.field("name"), blankToNull(s.name()));
    fields.put(w.field("title"), blankToNull(s.title()));
    fields.put(w.field("buyingRole"), w.option("stakeholders[].buyingRole", s.buyingRole()));
    fields.put(w.field("influence"), w.option("stakeholders[].influence", s.influence()));
    fields.put(w.field("attitude"), w.option("stakeholders[].attitude", s.attitude()));
    fields.put(w.field("relationshipOwner"), blankToNull(s.owner()));
    fields.put(w.field("reportsTo"), blankToNull(s.reportsTo()));
    return fields;
  }

  /**
   * An entry in words: "Type: Profitability; Objective: Lift margin; Target: 27%", in French "Type : Rentabilité ;
   * Objectif : …", the empty fields left out.
   */
  private static String summary(Map<String, String> fields, Words w) {
    List<String> parts = new ArrayList<>();
    fields.forEach((label, value) -> {
      if (value != null) {
        parts.add(w.text("planChange.labelled", label, value));
      }
    });
    return String.join(w.text("planChange.between"), parts);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
