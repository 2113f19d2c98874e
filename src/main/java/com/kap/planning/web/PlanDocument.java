package com.kap.planning.web;

import com.kap.planning.AccountPlan;
import com.kap.planning.DecidePlan;
import com.kap.planning.PlanContent;
import com.kap.planning.PlanHistory;
import com.kap.planning.PlanVersion;
import com.kap.platform.forms.FormLabels;
import com.kap.platform.i18n.LocalFormats;
import com.kap.platform.i18n.Texts;
import com.kap.portfolio.AccountView;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * What the plan PDF shows: the latest submitted version of an account's plan of a year, every value as text to
 * print in the reader's language (dates as the language writes them, the plan form's labels for its choices, the
 * status in words of {@code i18n/exports*.properties}), for the template {@code exports/account-plan}.
 */
public record PlanDocument(String title, String accountId, String accountName, String region, String kam, String sponsor,
    int year, String segment, String status, String approval, int version, String submittedBy, String submittedOn,
    boolean valueObjective, String customerSituation, String customerStrategy, List<Objective> objectives,
    String strategies, List<Action> actions, String sponsorTouchpoints, String sponsorCommitments, String strengths,
    String vulnerabilities, List<Risk> risks, List<TrainingNeed> trainingNeeds, List<Stakeholder> stakeholders,
    String sponsorReview,
    String decision, String printedOn) {

  /** An English day in words: "1 December 2042"; French writes 01/12/2042 ({@link LocalFormats}). */
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
  private static final String FORM = "draftAccountPlan";

  public record Objective(String description, String type, boolean valueObjective, String metric, String baseline,
      String target, String due) {}

  public record Action(String action, String owner, String due) {}

  public record Risk(String risk, String likelihood, String mitigation) {}

  public record TrainingNeed(String forWhom, String need) {}

  public record Stakeholder(String name, String title, String buyingRole, String influence, String attitude,
      String owner, String reportsTo) {}

  /**
   * @param history the plan, with at least one submitted version
   * @param zone the time zone the plan's moments are dated in
   * @param locale the reader's language
   */
  static PlanDocument of(PlanHistory history, AccountView account, ZoneId zone, Instant now, Texts texts,
      LocalFormats formats, Locale locale) {
    Say say = new Say(texts, formats, locale, zone);
    List<PlanVersion> versions = history.versions();
    PlanVersion latest = versions.get(versions.size() - 1);
    PlanContent content = latest.content();
    int year = history.year();
    AccountView.YearSegment yearSegment = account.segmentsByYear().get(year);
    String segment = yearSegment != null ? yearSegment.segment().label() : "-";
    boolean approved = history.status() == AccountPlan.Status.APPROVED
        && DecidePlan.APPROVE.equals(latest.decision());
    String approval = approved
        ? say.text("export.plan.approval", orDash(latest.decidedBy()), say.day(latest.decidedAt()))
        : say.text("export.plan.notApprovedYet");
    String status = say.text(switch (history.status()) {
      case APPROVED -> "export.plan.status.approved";
      case IN_REVIEW -> "export.plan.status.inReview";
      case CLOSED -> "export.plan.status.closed";
      case DRAFTING -> DecidePlan.SEND_BACK.equals(latest.decision()) ? "export.plan.status.sentBack"
          : latest.qualityPassed() ? "export.plan.status.drafting" : "export.plan.status.returned";
    });
    String review = latest.reviewedBy() == null ? say.text("export.plan.review.none")
        : latest.sponsorComments() == null ? say.text("export.plan.review.by", latest.reviewedBy())
        : say.text("export.plan.review.byWith", latest.reviewedBy(), latest.sponsorComments());
    String decision = latest.decision() == null ? say.text("export.plan.decision.none")
        : say.text(approved ? "export.plan.decision.approved" : "export.plan.decision.sentBack",
            orDash(latest.decidedBy()), say.day(latest.decidedAt()));
    if (latest.decision() != null && latest.decisionComments() != null) {
      decision = say.text("export.plan.withComments", decision, latest.decisionComments());
    }
    return new PlanDocument(say.text("export.plan.title", year, account.name()), account.accountId(),
        account.name(), account.region(), account.kam(), orDash(account.sponsor()), year, segment, status, approval,
        latest.version(), orDash(latest.submittedBy()), say.day(latest.submittedAt()), content.hasValueObjective(),
        content.customerSituation(), content.customerStrategy(),
        content.objectives().stream().map(o -> new Objective(orDash(o.description()),
            say.option("objectives[].type", o.type()), PlanContent.VALUE_OBJECTIVE_TYPES.contains(o.type()),
            orDash(o.metric()), orDash(o.baseline()), orDash(o.target()), say.due(o.dueDate()))).toList(),
        content.strategies(),
        content.actions().stream().map(a -> new Action(orDash(a.action()), orDash(a.owner()), say.due(a.dueDate())))
            .toList(),
        content.sponsorTouchpoints(), latest.sponsorTouchpoints(), content.strengths(), content.vulnerabilities(),
        content.risks().stream().map(r -> new Risk(orDash(r.risk()), say.option("risks[].likelihood", r.likelihood()),
            orDash(r.mitigation()))).toList(),
        content.trainingNeeds().stream().map(t -> new TrainingNeed(say.option("trainingNeeds[].forWhom",
            t.forWhom()), orDash(t.need()))).toList(),
        content.stakeholders().stream().map(h -> new Stakeholder(orDash(h.name()), orDash(h.title()),
            say.option("stakeholders[].buyingRole", h.buyingRole()),
            say.option("stakeholders[].influence", h.influence()),
            say.option("stakeholders[].attitude", h.attitude()), orDash(h.owner()), orDash(h.reportsTo()))).toList(),
        review, decision, say.day(now));
  }

  /** Texts, days and the form's options in the reader's language. */
  private record Say(Texts texts, LocalFormats formats, Locale locale, ZoneId zone) {

    String text(String key, Object... args) {
      return texts.text(locale, key, args);
    }

    /** A select's value as the plan form shows it in the language: "Profitability", "Rentabilité". */
    String option(String field, String value) {
      return value == null ? "-" : FormLabels.option(FORM, field, value, locale);
    }

    /** A due date in the tables' narrow columns: "31 Dec 2043", "31/12/2043". */
    String due(LocalDate date) {
      return formats.date(date, locale);
    }

    /** The day of a moment: "1 December 2042", "01/12/2042". */
    String day(Instant instant) {
      if (instant == null) {
        return "-";
      }
      return "fr".equals(locale.getLanguage()) ? formats.date(LocalDate.ofInstant(instant, zone), locale)
          : DAY.format(instant.atZone(zone));
    }
  }

  private static String orDash(String text) {
    return text == null || text.isBlank() ? "-" : text;
  }
}
