package com.kap.planning;

import com.kap.planning.internal.AccountPlanRepository;
import com.kap.planning.internal.CycleRepository;
import com.kap.planning.internal.PlanDiff;
import com.kap.planning.internal.PlanQualityGate;
import com.kap.planning.internal.PlanSummary;
import com.kap.planning.internal.StakeholderCoverage;
import com.kap.planning.internal.StakeholderRepository;
import com.kap.platform.forms.InvalidFormData;
import com.kap.platform.forms.Problem;
import com.kap.platform.identity.CurrentUser;
import com.kap.platform.notifications.Mail;
import com.kap.platform.notifications.Mails;
import com.kap.platform.operations.BusinessMetrics;
import com.kap.platform.web.ApiException;
import com.kap.platform.web.PublicLinks;
import com.kap.portfolio.Account;
import com.kap.portfolio.AccountTeam;
import com.kap.portfolio.CycleSegment;
import com.kap.portfolio.Portfolio;
import com.kap.portfolio.PortfolioQueries;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The account plans: started for each segmented account of a cycle, drafted and submitted by the KAM through the
 * quality gate, reviewed by the sponsor, approved or sent back by the programme director. The other modules read
 * them here too: the budget asks whether an account's plan is approved.
 */
@Service
public class AccountPlans {

  private final AccountPlanRepository plans;
  private final CycleRepository cycles;
  private final PlanFacts facts;
  private final Portfolio portfolio;
  private final PortfolioQueries visibleAccounts;
  private final AccountTeam team;
  private final CurrentUser currentUser;
  private final Mails mails;
  private final BusinessMetrics metrics;
  private final Clock clock;
  private final PublicLinks links;
  private final StakeholderCoverage coverage;
  private final StakeholderRepository stakeholders;

  public AccountPlans(AccountPlanRepository plans, CycleRepository cycles, PlanFacts facts,
      Portfolio portfolio, PortfolioQueries visibleAccounts, AccountTeam team, CurrentUser currentUser,
      Mails mails, BusinessMetrics metrics, Clock clock, PublicLinks links,
      StakeholderCoverage coverage, StakeholderRepository stakeholders) {
    this.plans = plans;
    this.cycles = cycles;
    this.facts = facts;
    this.portfolio = portfolio;
    this.visibleAccounts = visibleAccounts;
    this.team = team;
    this.currentUser = currentUser;
    this.mails = mails;
    this.metrics = metrics;
    this.clock = clock;
    this.links = links;
    this.coverage = coverage;
    this.stakeholders = stakeholders;
  }

  /** The account's plan of the cycle year, if there is one. */
  public Optional<AccountPlan> plan(int year, String accountId) {
    return plans.find(year, accountId);
  }

  /**
   * The account's latest approved plan up to the year (that year's, or an earlier year's when that year's is not
   * approved), for in-year tracking; no rights checked: callers show it to those who may see the account.
   */
  public Optional<ApprovedPlan> latestApproved(String accountId, int upToYear) {
    return plans.findByAccount(accountId).stream()
        .filter(p -> p.year() <= upToYear && p.approvedVersion() != null)
        .max(java.util.Comparator.comparingInt(AccountPlan::year))
        .flatMap(p -> plans.version(p.year(), accountId, p.approvedVersion())
            .map(v -> new ApprovedPlan(p.year(), accountId, v.version(), v.content())));
  }

  /** Every approved plan of the cycle year, in account order; no rights checked (for the year's proofs). */
  public List<ApprovedPlan> approvedPlans(int year) {
    return plans.approvedVersions(year).entrySet().stream()
        .map(e -> new ApprovedPlan(year, e.getKey(), e.getValue().version(), e.getValue().content())).toList();
  }

  /** The cycle year's plans. */
  public List<AccountPlan> plans(int year) {
    return plans.findByYear(year);
  }

  /**
   * The approved plan and every submitted version; a KAM only for their own accounts.
   *
   * @throws ApiException 404 for an unknown account or one without a plan, 403 for one the caller may not see
   */
  public PlanHistory history(int year, String accountId) {
    visibleAccounts.accountView(accountId);
    AccountPlan plan = plans.find(year, accountId).orElseThrow(() -> ApiException.of(HttpStatus.NOT_FOUND,
        "error.plan.none", accountId, String.valueOf(year)));
    List<PlanVersion> versions = plans.versions(year, accountId);
    PlanVersion approved = versions.stream()
        .filter(v -> plan.approvedVersion() != null && v.version() == plan.approvedVersion()).findFirst().orElse(null);
    return new PlanHistory(accountId, year, plan.status(), plan.approvedVersion(), approved, versions);
  }

  /**
   * The account's plans of every year, newest first, each version with what changed from the one before it, named
   * in the reader's language: what {@link #history} shows year by year, to the same people.
   *
   * @throws ApiException 404 for an unknown account, 403 for one the caller may not see
   */
  public List<AccountPlanYear> planYears(String accountId, Locale reader) {
    visibleAccounts.accountView(accountId);
    List<AccountPlanYear> years = new ArrayList<>();
    for (AccountPlan plan : plans.findByAccount(accountId)) {
      List<AccountPlanYear.VersionChanges> versions = new ArrayList<>();
      PlanVersion previous = null;
      for (PlanVersion version : plans.versions(plan.year(), accountId)) {
        versions.add(new AccountPlanYear.VersionChanges(version,
            previous == null ? List.of() : PlanDiff.between(previous.content(), version.content(), reader)));
        previous = version;
      }
      years.add(new AccountPlanYear(plan.year(), plan.status(), plan.approvedVersion(), versions));
    }
    return years;
  }

  /**
   * Registers the plan as drafting. The primary key on year and account refuses a second plan, so a retried
   * fan-out job rolls back instead of duplicating.
   */
  public PlanStarted start(StartPlan command) {
    int year = command.year();
    String accountId = command.accountId();
    Account account = portfolio.account(accountId)
        .orElseThrow(() -> new IllegalStateException("no account '" + accountId + "'"));
    CycleSegment segment = portfolio.segment(year, accountId)
        .orElseThrow(() -> new IllegalStateException(accountId + " was not segmented for " + year));
    plans.insert(new AccountPlan(year, accountId, command.processInstanceId(), account.kam(),
        segment.segment().label(), AccountPlan.Status.DRAFTING, clock.instant(), null, null));
    return new PlanStarted(account.name(), account.kam(), account.sponsor(), segment.segment().label(),
        plans.approvedContent(year - 1, accountId).orElse(null));
  }

  /** Keeps the service level's plan depth and sponsor rule with the plan record. */
  public void recordServiceLevel(RecordServiceLevel command) {
    plans.recordServiceLevel(command.plan().year(), command.plan().accountId(), command.planDepth(),
        command.sponsorRequired());
  }

  /** The people an action of the plan may be given to, and the plan's cycle. */
  public DraftPlanForm draftForm(PlanFacts.PlanKey key) {
    return new DraftPlanForm(team.options(facts.account(key)), cycles.find(facts.plan(key).year()));
  }

  /**
   * Stores the submission as a new version, with who submitted it, and applies the quality gate, the segment's
   * stakeholder coverage (DMN stakeholderCoverage) included: a plan that meets the bar goes into review, and its
   * stakeholder list becomes the account's map.
   */
  public PlanSubmitted submit(SubmitPlan command) {
    AccountPlan plan = facts.plan(command.plan());
    int year = plan.year();
    String accountId = plan.accountId();
    boolean sponsored = facts.account(command.plan()).sponsor() != null;
    List<Problem> problems = new ArrayList<>(PlanQualityGate.problems(command.content(), facts.planDepth(plan),
        sponsored));
    problems.addAll(PlanQualityGate.coverageProblems(command.content().stakeholders(), coverage.of(plan.segment()),
        plan.segment()));
    List<String> issues = problems.stream().map(Problem::english).toList();
    String submittedBy = currentUser.idOrElse(plan.kam());
    int version = plans.addVersion(year, accountId, submittedBy, clock.instant(), command.content(), issues);
    if (issues.isEmpty()) {
      plans.updateStatus(year, accountId, AccountPlan.Status.IN_REVIEW);
      stakeholders.replace(accountId, year, version, command.content().stakeholders());
    }
    return new PlanSubmitted(version, problems, issues.isEmpty() ? PlanSummary.markdown(command.content()) : null);
  }

  /**
   * The plan's latest version as the reviewers' forms show it ("Review plan as sponsor", "Approve account plan"),
   * in the reader's language; what the KAM typed stays as typed.
   */
  public String summary(PlanFacts.PlanKey key, Locale reader) {
    int year = key.year();
    String accountId = key.accountId();
    PlanVersion latest = plans.version(year, accountId, plans.latestVersion(year, accountId))
        .orElseThrow(() -> new IllegalStateException("no version of the plan " + key));
    return PlanSummary.markdown(latest.content(), reader);
  }

  /** Stores the sponsor's review with the plan's latest version and who reviewed it. */
  public void recordSponsorReview(RecordSponsorReview command) {
    PlanFacts.PlanKey key = command.plan();
    plans.recordSponsorReview(key.year(), key.accountId(), plans.latestVersion(key.year(), key.accountId()),
        command.comments(), command.touchpointCommitments(), currentUser.idOrElse(facts.account(key).sponsor()));
  }

  /**
   * Stores the decision with the version it judged and tells the KAM. An approval is counted for the cycle; the
   * last plan of the cycle to be approved lets the cycle go on to its training plan. A plan sent back is drafting
   * again.
   *
   * @throws InvalidFormData when the plan is sent back without comments
   */
  public PlanDecided decide(DecidePlan command) {
    String decision = command.decision();
    String comments = command.comments();
    if (DecidePlan.SEND_BACK.equals(decision) && comments == null) {
      throw new InvalidFormData("approverComments", Problem.of("comments.sentBack"));
    }
    AccountPlan plan = facts.plan(command.plan());
    int year = plan.year();
    String accountId = plan.accountId();
    int version = plans.latestVersion(year, accountId);
    String decidedBy = currentUser.idOrElse(null);
    plans.recordDecision(year, accountId, version, decision, comments, decidedBy, clock.instant());
    boolean approved = DecidePlan.APPROVE.equals(decision);
    if (approved) {
      plans.approve(year, accountId, version, clock.instant());
      metrics.planApproved(); // whether it was the cycle's last: CyclePlans.planApproved, after this commits
    } else {
      plans.updateStatus(year, accountId, AccountPlan.Status.DRAFTING);
    }
    String account = facts.account(command.plan()).name() + " (" + accountId + ")";
    mails.send(plan.kam(), decisionMail(year, account, approved, comments, links.tasklist()));
    return new PlanDecided(version, approved, decidedBy);
  }

  /** The KAM's mail on the decision: approved (the comments after it), or sent back with what to change. */
  static Mail decisionMail(int year, String account, boolean approved, String comments, String tasklist) {
    return approved ? Mail.of("planApproved", year, account).then(comments)
        : Mail.of("planSentBack", year, account, comments, tasklist);
  }

  /** Reminds the KAM of the plan deadline, unless the deadline has passed already. */
  public void remind(RemindKam command) {
    AccountPlan plan = facts.plan(command.plan());
    if (command.deadlineDue() != null && !ClockUtil.getCurrentTime().before(command.deadlineDue())) {
      return; // the deadline has passed: the escalation takes over
    }
    LocalDate deadline = cycles.find(plan.year()).map(c -> c.planDeadline()).orElse(null);
    String account = facts.account(command.plan()).name() + " (" + plan.accountId() + ")";
    mails.send(plan.kam(), reminderMail(plan.year(), account, deadline, links.tasklist()));
  }

  /** The KAM's reminder of the plan deadline (without its day when the cycle's cannot be read). */
  static Mail reminderMail(int year, String account, LocalDate deadline, String tasklist) {
    return deadline == null ? Mail.of("planReminderUndated", year, account, tasklist)
        : Mail.of("planReminder", year, account, Mail.date(deadline), tasklist);
  }
}
