package com.kap.rituals;

import com.kap.planning.AccountPlans;
import com.kap.planning.ApprovedPlan;
import com.kap.planning.CycleCalendar;
import com.kap.planning.PlanContent;
import com.kap.planning.PlanFacts.PlanKey;
import com.kap.platform.forms.DisplayDates;
import com.kap.platform.forms.FormProblems;
import com.kap.platform.forms.FormValues;
import com.kap.platform.forms.InvalidFormData;
import com.kap.platform.forms.Problem;
import com.kap.platform.i18n.Texts;
import com.kap.platform.identity.CurrentUser;
import com.kap.platform.identity.KnownUsers;
import com.kap.platform.notifications.Mail;
import com.kap.platform.notifications.Mails;
import com.kap.platform.web.PublicLinks;
import com.kap.portfolio.Account;
import com.kap.portfolio.Portfolio;
import com.kap.portfolio.PortfolioQueries;
import com.kap.rituals.internal.FollowUpFacts;
import com.kap.rituals.internal.FollowUpRepository;
import com.kap.rituals.internal.TargetPercent;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;

/**
 * In-year tracking of an account's plan: every action of the approved plan and every action agreed in a ritual is
 * followed up as a Tasklist task of its owner (process followUpAction, one per action), and each plan review
 * records the actual of every objective of the approved plan and the status of the plan's open actions. Progress:
 * per objective the latest actual against its target, and the actions done of all.
 */
@Service
public class FollowUps {

  /** The process that follows one action up. */
  public static final String PROCESS = "followUpAction";
  /** Correlated when a plan review closes an action: its task goes. */
  public static final String CLOSED_IN_REVIEW = "actionClosedInReview";
  /** The ritual that reviews the plan (ritualCadence's planReview). */
  public static final RitualType REVIEW = RitualType.PLAN_REVIEW;

  /** A plan review as the form submitted it, checked: an actual per objective, a status per open plan action. */
  public record Review(ApprovedPlan plan, List<BigDecimal> actuals, Map<Long, FollowUpAction.Status> statuses) {}

  /** What the task of an action shows; its listener writes the date and the source in the reader's language. */
  public record ActionToShow(String action, String owner, LocalDate dueDate, boolean fromPlan, String accountName,
      String accountId, int year) {}

  private final FollowUpRepository actions;
  private final FollowUpFacts facts;
  private final AccountPlans plans;
  private final Portfolio accounts;
  private final PortfolioQueries visibleAccounts;
  private final KnownUsers users;
  private final Mails mails;
  private final PublicLinks links;
  private final CycleCalendar calendar;
  private final CurrentUser currentUser;
  private final Clock clock;
  private final Texts texts;

  public FollowUps(FollowUpRepository actions, FollowUpFacts facts, AccountPlans plans, Portfolio accounts,
      PortfolioQueries visibleAccounts, KnownUsers users, Mails mails, PublicLinks links,
      CycleCalendar calendar, CurrentUser currentUser, Clock clock, Texts texts) {
    this.texts = texts;
    this.actions = actions;
    this.facts = facts;
    this.plans = plans;
    this.accounts = accounts;
    this.visibleAccounts = visibleAccounts;
    this.users = users;
    this.mails = mails;
    this.links = links;
    this.calendar = calendar;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  /**
   * The approved plan's actions, each followed up by its owner (a retry registers and starts none twice).
   *
   * @return how many were started now
   */
  public int startPlanActions(PlanKey key, RuntimeService runtime) {
    Optional<ApprovedPlan> approved = plans.latestApproved(key.accountId(), key.year())
        .filter(plan -> plan.year() == key.year());
    if (approved.isEmpty() || approved.get().content().actions() == null) {
      return 0;
    }
    ApprovedPlan plan = approved.get();
    int started = 0;
    List<PlanContent.Action> planActions = plan.content().actions();
    for (int i = 0; i < planActions.size(); i++) {
      PlanContent.Action action = planActions.get(i);
      if (action.action() == null || action.owner() == null || action.dueDate() == null) {
        continue;
      }
      started += start(key.year(), key.accountId(), FollowUpAction.Source.PLAN, plan.version() + "/" + i,
          action.action(), action.owner(), action.dueDate(), runtime);
    }
    return started;
  }

  /** The actions agreed in a held ritual (as {@link Rituals#record} checked them), each followed up by its owner. */
  public void startRitualActions(Occurrence occurrence, List<Map<String, Object>> agreed, RuntimeService runtime) {
    for (int i = 0; i < agreed.size(); i++) {
      Map<String, Object> action = agreed.get(i);
      start(occurrence.year(), occurrence.accountId(), FollowUpAction.Source.RITUAL,
          occurrence.occurrenceNo() + "/" + i, (String) action.get("action"), (String) action.get("owner"),
          (LocalDate) action.get("dueDate"), runtime);
    }
  }

  private int start(int year, String accountId, FollowUpAction.Source source, String sourceKey, String action,
      String owner, LocalDate dueDate, RuntimeService runtime) {
    if (actions.findBySource(year, accountId, source, sourceKey).isPresent()) {
      return 0;
    }
    Account account = accounts.account(accountId)
        .orElseThrow(() -> new IllegalStateException("no account " + accountId));
    String assignee = users.existing(List.of(owner)).contains(owner) ? owner : account.kam();
    long actionNo = actions.insert(year, accountId, source, sourceKey, action, owner, assignee, dueDate,
        clock.instant());
    runtime.startProcessInstanceByKey(PROCESS, FollowUpFacts.businessKey(actionNo));
    return 1;
  }

  /** The action a followUpAction process follows up, by its business key. */
  public FollowUpAction action(DelegateExecution execution) {
    return facts.action(execution);
  }

  public ActionToShow toShow(DelegateExecution execution) {
    FollowUpAction action = facts.action(execution);
    String accountName = accounts.account(action.accountId()).map(Account::name).orElse(action.accountId());
    return new ActionToShow(action.action(), action.owner(), action.dueDate(),
        action.source() == FollowUpAction.Source.PLAN, accountName, action.accountId(), action.year());
  }

  /**
   * The assignee closes the action: done (a note optional) or dropped (with the reason).
   *
   * @throws InvalidFormData naming the fields
   */
  public FollowUpAction close(DelegateExecution execution, FormValues values) {
    FollowUpAction action = facts.action(execution);
    FormProblems problems = new FormProblems();
    String outcome = problems.check(() -> values.choice("actionOutcome", List.of("done", "dropped"), true))
        .orElse(null);
    String note = problems.check(() -> values.text("actionNote", "dropped".equals(outcome), 4000)).orElse(null);
    problems.throwIfAny();
    FollowUpAction.Status status = "done".equals(outcome) ? FollowUpAction.Status.DONE : FollowUpAction.Status.DROPPED;
    actions.updateStatus(action.actionNo(), status, note, currentUser.idOrElse(action.assignee()), clock.instant());
    return actions.find(action.actionNo()).orElseThrow();
  }

  /** Mails the assignee that the action is due soon, unless it is due already (the escalation takes over). */
  public void remind(DelegateExecution execution) {
    FollowUpAction action = facts.action(execution);
    if (action.status().closed() || !ClockUtil.getCurrentTime().before(calendar.endOf(action.dueDate()))) {
      return;
    }
    String account = accounts.account(action.accountId()).map(Account::name).orElse(action.accountId());
    mails.send(action.assignee(), reminderMail(action.dueDate(), account, action.action(), action.owner(),
        action.accountId(), links.tasklist()));
  }

  /** The assignee's reminder of an action due soon. */
  static Mail reminderMail(LocalDate due, String account, String action, String owner, String accountId,
      String tasklist) {
    return Mail.of("actionReminder", Mail.date(due), account, action, owner, accountId, tasklist);
  }

  /** Whether a ritual is the plan review (the account has an approved plan to review). */
  public Optional<ApprovedPlan> planToReview(Occurrence occurrence) {
    if (occurrence.type() != REVIEW) {
      return Optional.empty();
    }
    return plans.latestApproved(occurrence.accountId(), occurrence.year());
  }

  /** The KAM, who records a plan review with the programme director (null for other rituals). */
  public List<String> reviewers(Occurrence occurrence) {
    if (occurrence.type() != REVIEW || occurrence.host() != null) {
      return List.of();
    }
    return accounts.account(occurrence.accountId()).map(a -> List.of(a.kam())).orElse(List.of());
  }

  /**
   * The plan review form's rows: each objective with its target (the actual to enter), each open plan action with
   * its owner and due date in the reader's language.
   */
  public Map<String, List<Map<String, Object>>> reviewRows(Occurrence occurrence, ApprovedPlan plan, Locale reader) {
    List<Map<String, Object>> objectives = new ArrayList<>();
    for (PlanContent.Objective objective : plan.content().objectives()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("objective", objective.description() + (objective.metric() == null ? "" : " (" + objective.metric()
          + ")"));
      row.put("target", objective.target() == null ? "" : objective.target());
      objectives.add(row);
    }
    List<Map<String, Object>> open = new ArrayList<>();
    for (FollowUpAction action : openPlanActions(occurrence)) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("action", action.action());
      row.put("owner", texts.text(reader, "holdRitual.actionOwner", action.owner(),
          DisplayDates.format(action.dueDate(), reader)));
      row.put("status", action.status().key());
      open.add(row);
    }
    return Map.of("reviewObjectives", objectives, "reviewActions", open);
  }

  private List<FollowUpAction> openPlanActions(Occurrence occurrence) {
    return actions.findByPlan(occurrence.year(), occurrence.accountId()).stream()
        .filter(a -> a.source() == FollowUpAction.Source.PLAN && !a.status().closed()).toList();
  }

  /**
   * Reads and checks a plan review: the rows as shown (one per objective, one per open plan action, none added or
   * removed), an actual for every objective, a status for every action.
   */
  public Review readReview(Occurrence occurrence, ApprovedPlan plan, FormValues values, FormProblems problems) {
    List<PlanContent.Objective> objectives = plan.content().objectives();
    List<BigDecimal> actuals = new ArrayList<>();
    problems.check(() -> {
      List<Map<String, Object>> rows = values.objectList("reviewObjectives");
      if (rows.size() != objectives.size()) {
        throw new InvalidFormData("reviewObjectives", Problem.of("review.objectiveRows", objectives.size(),
            rows.size()));
      }
      for (int i = 0; i < rows.size(); i++) {
        String path = "reviewObjectives[" + i + "]";
        Map<String, Object> row = rows.get(i);
        actuals.add(problems.check(() -> actual(row, path)).orElse(null));
      }
      return rows;
    });
    Map<Long, FollowUpAction.Status> statuses = new LinkedHashMap<>();
    List<FollowUpAction> open = openPlanActions(occurrence);
    List<String> keys = java.util.Arrays.stream(FollowUpAction.Status.values()).map(FollowUpAction.Status::key)
        .toList();
    problems.check(() -> {
      List<Map<String, Object>> rows = values.objectList("reviewActions");
      if (rows.size() != open.size()) {
        throw new InvalidFormData("reviewActions", Problem.of("review.actionRows", open.size(),
            rows.size()));
      }
      for (int i = 0; i < rows.size(); i++) {
        String path = "reviewActions[" + i + "]";
        Map<String, Object> row = rows.get(i);
        long actionNo = open.get(i).actionNo();
        problems.check(() -> statuses.put(actionNo, FollowUpAction.Status.byKey(
            FormValues.choice(row, path, "status", keys, true)).orElseThrow()));
      }
      return rows;
    });
    return new Review(plan, actuals, statuses);
  }

  /** 2.4000 as 2.4 and 100.0000 as 100, never 1E+2. */
  private static BigDecimal plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  private static BigDecimal actual(Map<String, Object> row, String path) {
    Object value = row.get("actual");
    if (value == null || value instanceof String s && s.isBlank()) {
      throw new InvalidFormData(path + ".actual", Problem.of("review.actual"));
    }
    BigDecimal actual;
    try {
      actual = new BigDecimal(value.toString().strip());
    } catch (NumberFormatException e) {
      throw new InvalidFormData(path + ".actual", Problem.of("number.typed", value));
    }
    if (actual.abs().compareTo(new BigDecimal("1000000000000")) >= 0 || actual.stripTrailingZeros().scale() > 4) {
      throw new InvalidFormData(path + ".actual", Problem.of("review.actualRange",
          actual.toPlainString()));
    }
    return actual;
  }

  /**
   * Stores a checked review with the ritual's record: the actuals (the review's history), each action's status;
   * an action the review closes ends its task.
   */
  public void recordReview(Occurrence occurrence, Review review, RuntimeService runtime) {
    List<PlanContent.Objective> objectives = review.plan().content().objectives();
    for (int i = 0; i < objectives.size(); i++) {
      PlanContent.Objective objective = objectives.get(i);
      actions.addActual(occurrence.occurrenceNo(), i, review.plan().year(), review.plan().version(),
          objective.description(), objective.target(), review.actuals().get(i));
    }
    String by = currentUser.idOrElse(null);
    review.statuses().forEach((actionNo, status) -> {
      actions.addActionStatus(occurrence.occurrenceNo(), actionNo, status);
      FollowUpAction before = actions.find(actionNo).orElseThrow();
      if (before.status() != status) {
        actions.updateStatus(actionNo, status, status.closed() ? "Closed in the plan review" : null, by,
            clock.instant());
        if (status.closed()) {
          runtime.createMessageCorrelation(CLOSED_IN_REVIEW)
              .processInstanceBusinessKey(FollowUpFacts.businessKey(actionNo)).correlateAll();
        }
      }
    });
  }

  /**
   * The progress of the account's plan of the year, to those who may see the account.
   *
   * @throws com.kap.platform.web.ApiException 404 for an unknown account, 403 for one the caller may not see
   */
  public PlanProgress progress(int year, String accountId) {
    visibleAccounts.accountView(accountId);
    return progressOf(year, accountId);
  }

  /** The progress, for a caller that checked the rights already (the account page). */
  public PlanProgress progressOf(int year, String accountId) {
    List<FollowUpAction> all = actions.findByPlan(year, accountId);
    int done = (int) all.stream().filter(a -> a.status() == FollowUpAction.Status.DONE).count();
    int dropped = (int) all.stream().filter(a -> a.status() == FollowUpAction.Status.DROPPED).count();
    Optional<ApprovedPlan> approved = plans.latestApproved(accountId, year);
    if (approved.isEmpty()) {
      return new PlanProgress(accountId, year, null, null, List.of(), done, dropped, all.size(), all);
    }
    ApprovedPlan plan = approved.get();
    Map<Integer, FollowUpRepository.Actual> latest = new HashMap<>();
    for (FollowUpRepository.Actual actual : actions.actuals(accountId, plan.year())) {
      if (actual.planVersion() == plan.version()) {
        latest.put(actual.objectiveNo(), actual); // oldest first: the last one stays
      }
    }
    List<PlanProgress.ObjectiveProgress> objectives = new ArrayList<>();
    List<PlanContent.Objective> planned = plan.content().objectives();
    for (int i = 0; i < planned.size(); i++) {
      PlanContent.Objective objective = planned.get(i);
      FollowUpRepository.Actual actual = latest.get(i);
      BigDecimal value = actual == null ? null : plain(actual.actual());
      objectives.add(new PlanProgress.ObjectiveProgress(i, objective.type(), objective.description(),
          objective.metric(), objective.target(), value, actual == null ? null : actual.reviewedOn(),
          TargetPercent.of(objective.target(), value).orElse(null)));
    }
    return new PlanProgress(accountId, year, plan.year(), plan.version(), objectives, done, dropped, all.size(), all);
  }
}
