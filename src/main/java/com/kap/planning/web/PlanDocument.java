package com.kap.planning.web;

import com.kap.planning.AccountPlan;
import com.kap.planning.DecidePlan;
import com.kap.planning.PlanContent;
import com.kap.planning.PlanHistory;
import com.kap.planning.PlanVersion;
import com.kap.platform.forms.FormLabels;
import com.kap.portfolio.AccountView;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * What the plan PDF shows: the latest submitted version of an account's plan of a year, every value as text to
 * print (dates in words, the plan form's labels for its choices), for the template {@code exports/account-plan}.
 */
public record PlanDocument(String title, String accountId, String accountName, String region, String kam, String sponsor,
    int year, String segment, String status, String approval, int version, String submittedBy, String submittedOn,
    boolean valueObjective, String customerSituation, String customerStrategy, List<Objective> objectives,
    String strategies, List<Action> actions, String sponsorTouchpoints, String sponsorCommitments, String strengths,
    String vulnerabilities, List<Risk> risks, List<TrainingNeed> trainingNeeds, List<Stakeholder> stakeholders,
    String sponsorReview,
    String decision, String printedOn) {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
  /** Due dates in the tables' narrow columns: "31 Dec 2043". */
  private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
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
   */
  static PlanDocument of(PlanHistory history, AccountView account, ZoneId zone, Instant now) {
    List<PlanVersion> versions = history.versions();
    PlanVersion latest = versions.get(versions.size() - 1);
    PlanContent content = latest.content();
    int year = history.year();
    AccountView.YearSegment yearSegment = account.segmentsByYear().get(year);
    String segment = yearSegment != null ? yearSegment.segment().label() : "-";
    boolean approved = history.status() == AccountPlan.Status.APPROVED
        && DecidePlan.APPROVE.equals(latest.decision());
    String approval = approved
        ? "by " + orDash(latest.decidedBy()) + " on " + day(latest.decidedAt(), zone)
        : "Not approved yet";
    String status = switch (history.status()) {
      case APPROVED -> "Approved";
      case IN_REVIEW -> "In review, not approved yet";
      case CLOSED -> "Not approved by the cycle's closing date";
      case DRAFTING -> DecidePlan.SEND_BACK.equals(latest.decision()) ? "Sent back to the KAM for rework"
          : latest.qualityPassed() ? "Drafting" : "Returned by the quality gate; the KAM is revising it";
    };
    return new PlanDocument("Account plan " + year + " · " + account.name(), account.accountId(), account.name(),
        account.region(), account.kam(), orDash(account.sponsor()), year, segment, status, approval,
        latest.version(), orDash(latest.submittedBy()), day(latest.submittedAt(), zone), content.hasValueObjective(),
        content.customerSituation(), content.customerStrategy(),
        content.objectives().stream().map(o -> new Objective(orDash(o.description()),
            option("objectives[].type", o.type()), PlanContent.VALUE_OBJECTIVE_TYPES.contains(o.type()),
            orDash(o.metric()), orDash(o.baseline()), orDash(o.target()), due(o.dueDate()))).toList(),
        content.strategies(),
        content.actions().stream().map(a -> new Action(orDash(a.action()), orDash(a.owner()), due(a.dueDate())))
            .toList(),
        content.sponsorTouchpoints(), latest.sponsorTouchpoints(), content.strengths(), content.vulnerabilities(),
        content.risks().stream().map(r -> new Risk(orDash(r.risk()), option("risks[].likelihood", r.likelihood()),
            orDash(r.mitigation()))).toList(),
        content.trainingNeeds().stream().map(t -> new TrainingNeed(option("trainingNeeds[].forWhom", t.forWhom()),
            orDash(t.need()))).toList(),
        content.stakeholders().stream().map(h -> new Stakeholder(orDash(h.name()), orDash(h.title()),
            option("stakeholders[].buyingRole", h.buyingRole()), option("stakeholders[].influence", h.influence()),
            option("stakeholders[].attitude", h.attitude()), orDash(h.owner()), orDash(h.reportsTo()))).toList(),
        latest.reviewedBy() == null ? "None" : "by " + latest.reviewedBy()
            + (latest.sponsorComments() == null ? "" : ": " + latest.sponsorComments()),
        latest.decision() == null ? "None yet" : (approved ? "Approved" : "Sent back") + " by "
            + orDash(latest.decidedBy()) + " on " + day(latest.decidedAt(), zone)
            + (latest.decisionComments() == null ? "" : ": " + latest.decisionComments()),
        day(now, zone));
  }

  /** A select's value as the plan form shows it: "Profitability", not "profitability". */
  private static String option(String field, String value) {
    return value == null ? "-" : FormLabels.option(FORM, field, value);
  }

  private static String due(LocalDate date) {
    return date == null ? "-" : DUE.format(date);
  }

  private static String day(Instant instant, ZoneId zone) {
    return instant == null ? "-" : DAY.format(instant.atZone(zone));
  }

  private static String orDash(String text) {
    return text == null || text.isBlank() ? "-" : text;
  }
}
