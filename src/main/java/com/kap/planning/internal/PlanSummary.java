package com.kap.planning.internal;

import com.kap.planning.PlanContent;
import com.kap.platform.forms.DisplayDates;
import com.kap.platform.forms.FormLabels;
import com.kap.platform.forms.ShownText;
import com.kap.platform.i18n.Bundles;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A submitted plan as Markdown, for the sponsor's and the programme director's forms to show read-only, in the
 * reader's language: the sections as the plan form names them ({@code planChange.section.*}), the entries' words
 * ({@code planSummary.*} of the planning bundle), the form's options ({@link FormLabels}) and the days as the
 * reader's date fields write them ({@link DisplayDates}); what the KAM typed stays as typed.
 */
public final class PlanSummary {

  private PlanSummary() {}

  /** In English. */
  public static String markdown(PlanContent plan) {
    return markdown(plan, Locale.ENGLISH);
  }

  /** In the reader's language. */
  public static String markdown(PlanContent plan, Locale reader) {
    Words w = new Words(reader);
    StringBuilder md = new StringBuilder();
    section(md, w, "customerSituation", plan.customerSituation());
    section(md, w, "customerStrategy", plan.customerStrategy());
    section(md, w, "strengths", plan.strengths());
    section(md, w, "vulnerabilities", plan.vulnerabilities());
    list(md, w, "objectives", plan.objectives(), o -> w.text("planSummary.objective",
        w.option("objectives[].type", o.type()), text(o.description()), text(o.metric()), text(o.baseline()),
        text(o.target()), DisplayDates.format(o.dueDate(), reader)));
    section(md, w, "strategies", plan.strategies());
    list(md, w, "actions", plan.actions(), a -> w.text("planSummary.action", text(a.action()), text(a.owner()),
        DisplayDates.format(a.dueDate(), reader)));
    list(md, w, "risks", plan.risks(), r -> w.text("planSummary.risk", text(r.risk()),
        w.option("risks[].likelihood", r.likelihood()).toLowerCase(reader))
        + (r.mitigation() == null ? "" : w.text("planSummary.mitigation", text(r.mitigation()))));
    list(md, w, "trainingNeeds", plan.trainingNeeds(), t -> w.text("planSummary.trainingNeed",
        w.option("trainingNeeds[].forWhom", t.forWhom()), text(t.need())));
    section(md, w, "sponsorTouchpoints", plan.sponsorTouchpoints());
    list(md, w, "stakeholders", plan.stakeholders(), s -> "**" + text(s.name()) + "**"
        + (s.title() == null ? "" : ", " + text(s.title())) + w.text("planSummary.stakeholder",
        w.option("stakeholders[].buyingRole", s.buyingRole()),
        w.option("stakeholders[].influence", s.influence()).toLowerCase(reader),
        w.option("stakeholders[].attitude", s.attitude()).toLowerCase(reader))
        + (s.owner() == null ? "" : w.text("planSummary.owner", text(s.owner())))
        + (s.reportsTo() == null ? "" : w.text("planSummary.reportsTo", text(s.reportsTo()))));
    return md.toString();
  }

  /** The summary's words in the reader's language. */
  private record Words(Locale reader) {

    String text(String key, Object... args) {
      return Bundles.standalone().getMessage(key, args, reader);
    }

    /** A select's value as the plan form shows it: "Profitability", not "profitability". */
    String option(String field, String value) {
      return value == null ? "-" : FormLabels.option(PlanDiff.FORM, field, value, reader);
    }
  }

  private static void section(StringBuilder md, Words w, String section, String text) {
    if (text != null) {
      md.append("#### ").append(w.text("planChange.section." + section)).append("\n\n").append(text(text))
          .append("\n\n");
    }
  }

  private static <T> void list(StringBuilder md, Words w, String section, List<T> entries,
      Function<T, String> line) {
    if (!entries.isEmpty()) {
      md.append("#### ").append(w.text("planChange.section." + section)).append("\n\n");
      entries.forEach(entry -> md.append("- ").append(line.apply(entry)).append('\n'));
      md.append('\n');
    }
  }

  /** User text, shown as typed: no HTML, no live links or images (another user reads it). */
  private static String text(String text) {
    return text == null ? "-" : ShownText.markdown(text);
  }
}
