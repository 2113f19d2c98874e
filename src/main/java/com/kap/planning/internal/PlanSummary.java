package com.kap.planning.internal;

import com.kap.planning.PlanContent;
import com.kap.platform.forms.DisplayDates;
import com.kap.platform.forms.FormLabels;
import com.kap.platform.forms.ShownText;
import java.util.List;
import java.util.function.Function;

/** A submitted plan as Markdown, for the sponsor's and the programme director's forms to show read-only. */
public final class PlanSummary {

  private PlanSummary() {}

  public static String markdown(PlanContent plan) {
    StringBuilder md = new StringBuilder();
    section(md, "Customer situation", plan.customerSituation());
    section(md, "Customer strategy", plan.customerStrategy());
    section(md, "Our strengths", plan.strengths());
    section(md, "Our vulnerabilities", plan.vulnerabilities());
    list(md, "Objectives", plan.objectives(), o -> "**" + option("objectives[].type", o.type()) + "**: "
        + text(o.description()) + " — metric " + text(o.metric()) + ", baseline " + text(o.baseline()) + ", target "
        + text(o.target()) + ", due " + DisplayDates.format(o.dueDate()));
    section(md, "Strategies", plan.strategies());
    list(md, "Action plan", plan.actions(), a -> text(a.action()) + " — " + text(a.owner()) + ", due "
        + DisplayDates.format(a.dueDate()));
    list(md, "Risks", plan.risks(), r -> text(r.risk()) + " (likelihood "
        + option("risks[].likelihood", r.likelihood()).toLowerCase(java.util.Locale.ROOT) + ")"
        + (r.mitigation() == null ? "" : " — mitigation: " + text(r.mitigation())));
    list(md, "Training needs", plan.trainingNeeds(), t -> "**" + option("trainingNeeds[].forWhom", t.forWhom())
        + "**: " + text(t.need()));
    section(md, "Sponsor touchpoints", plan.sponsorTouchpoints());
    list(md, "Stakeholders", plan.stakeholders(), s -> "**" + text(s.name()) + "**"
        + (s.title() == null ? "" : ", " + text(s.title())) + " — " + option("stakeholders[].buyingRole", s.buyingRole())
        + ", influence " + option("stakeholders[].influence", s.influence()).toLowerCase(java.util.Locale.ROOT)
        + ", " + option("stakeholders[].attitude", s.attitude()).toLowerCase(java.util.Locale.ROOT)
        + (s.owner() == null ? "" : "; our owner " + text(s.owner()))
        + (s.reportsTo() == null ? "" : "; reports to " + text(s.reportsTo())));
    return md.toString();
  }

  /** A select's value as the plan form shows it: "Profitability", not "profitability". */
  private static String option(String field, String value) {
    return value == null ? "-" : FormLabels.option("draftAccountPlan", field, value);
  }

  private static void section(StringBuilder md, String title, String text) {
    if (text != null) {
      md.append("#### ").append(title).append("\n\n").append(text(text)).append("\n\n");
    }
  }

  private static <T> void list(StringBuilder md, String title, List<T> entries, Function<T, String> line) {
    if (!entries.isEmpty()) {
      md.append("#### ").append(title).append("\n\n");
      entries.forEach(entry -> md.append("- ").append(line.apply(entry)).append('\n'));
      md.append('\n');
    }
  }

  /** User text, shown as typed: no HTML, no live links or images (another user reads it). */
  private static String text(String text) {
    return text == null ? "-" : ShownText.markdown(text);
  }
}
