package com.kap.planning;

import com.kap.planning.internal.AccountPlanRepository;
import com.kap.planning.internal.CycleRepository;
import com.kap.planning.internal.LatestPlanFacts;
import com.kap.platform.web.ApiException;
import com.kap.portfolio.Account;
import com.kap.portfolio.CycleSegment;
import com.kap.portfolio.Portfolio;
import com.kap.portfolio.PortfolioSegmentation;
import com.kap.portfolio.Segment;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** The proofs of a cycle's planning: plans approved, on time, overdue, with a value objective, accounts per segment. */
@Service
public class ProgrammeDashboard {

  private final CycleRepository cycles;
  private final AccountPlanRepository plans;
  private final Portfolio cycleSegments;
  private final CycleCalendar calendar;
  private final Clock clock;
  private final RitualComplianceSource ritualCompliance;
  private final BudgetFiguresSource budgetFigures;
  private final LatestPlanFacts latestFacts;
  private final AccountHealthSource accountHealth;

  public ProgrammeDashboard(CycleRepository cycles, AccountPlanRepository plans,
      Portfolio cycleSegments, CycleCalendar calendar, Clock clock,
      RitualComplianceSource ritualCompliance, BudgetFiguresSource budgetFigures, LatestPlanFacts latestFacts,
      AccountHealthSource accountHealth) {
    this.accountHealth = accountHealth;
    this.cycles = cycles;
    this.plans = plans;
    this.cycleSegments = cycleSegments;
    this.calendar = calendar;
    this.clock = clock;
    this.ritualCompliance = ritualCompliance;
    this.budgetFigures = budgetFigures;
    this.latestFacts = latestFacts;
  }

  /**
   * @param approvedOnTime approved by the end of the plan deadline day
   * @param inProgress drafted or in review (not approved, not closed by the closing date)
   * @param overdue in progress, and the deadline has passed
   * @param shareWithValueObjective of the approved plans, the share whose approved version holds a profitability or
   *     value objective (0-1)
   * @param ritualCompliance the rituals' compliance, as the rituals module answers it
   */
  public record Dashboard(int year, String planDeadline, String closingDate, int accounts, int plans, int approved,
      int approvedOnTime, int approvedLate, int inProgress, int overdue, BigDecimal shareWithValueObjective,
      Map<String, Long> accountsPerSegment, boolean trainingPlanConsolidated,
      Object ritualCompliance) {}

  /** The years that have a planning cycle, latest first. */
  public List<Integer> years() {
    return cycles.years();
  }

  /** A plan not approved when its deadline has passed. */
  public record OverduePlan(String accountId, String account, String kam, String segment, String status) {}


  /**
   * One account of a cycle and its plan, as the year's plans export lists them.
   *
   * @param status Drafting, In review, Approved, Closed unapproved (closed by the closing date), or No plan when the
   *     account has none (yet)
   * @param version the latest submitted version; null before the first
   * @param approvedOnTime whether the plan was approved by the end of the plan deadline day; null while not approved
   * @param overdue the deadline has passed and the plan is still drafting or in review, or the account has no plan;
   *     a plan the closing date closed (CLOSED) is not overdue, nor an approved one
   * @param valueObjective whether the latest version holds a profitability or value objective; null before the first
   */
  public record PlanRow(String accountId, String account, String region, String kam, String sponsor, String segment,
      String status, Integer version, Instant submittedAt, String submittedBy, Boolean qualityPassed,
      String sponsorReviewedBy, Instant approvedAt, String approvedBy, Boolean approvedOnTime, boolean overdue,
      Boolean valueObjective, Integer objectives, Integer actions, Integer trainingNeeds) {}

  /**
   * Every account of the year's cycle (those segmented for it) with its plan and the plan's latest version, in
   * account id order.
   *
   * @throws ApiException 404 when the year has no planning cycle
   */
  public List<PlanRow> planRows(int year) {
    PlanningCycle cycle = cycles.find(year)
        .orElseThrow(() -> ApiException.of(HttpStatus.NOT_FOUND, "error.cycle.none", String.valueOf(year)));
    Instant deadline = calendar.endOf(cycle.planDeadline()).toInstant();
    boolean deadlinePassed = clock.instant().isAfter(deadline);
    Map<String, Account> accounts = new LinkedHashMap<>();
    cycleSegments.accounts().forEach(account -> accounts.put(account.accountId(), account));
    Map<String, AccountPlan> yearPlans = new LinkedHashMap<>();
    plans.findByYear(year).forEach(plan -> yearPlans.put(plan.accountId(), plan));
    Map<String, PlanVersion> latest = plans.latestVersions(year);
    return cycleSegments.segments(year).stream().map(segment -> {
      String accountId = segment.accountId();
      Account account = accounts.get(accountId);
      AccountPlan plan = yearPlans.get(accountId);
      PlanVersion version = latest.get(accountId);
      PlanContent content = version == null ? null : version.content();
      boolean approved = plan != null && plan.status() == AccountPlan.Status.APPROVED;
      return new PlanRow(accountId, account == null ? accountId : account.name(),
          account == null ? null : account.region(), plan != null ? plan.kam() : account == null ? null : account.kam(),
          account == null ? null : account.sponsor(), segment.segment().label(), status(plan),
          version == null ? null : version.version(), version == null ? null : version.submittedAt(),
          version == null ? null : version.submittedBy(), version == null ? null : version.qualityPassed(),
          version == null ? null : version.reviewedBy(), approved ? plan.approvedAt() : null,
          approved && version != null && DecidePlan.APPROVE.equals(version.decision()) ? version.decidedBy() : null,
          approved ? !plan.approvedAt().isAfter(deadline) : null,
          !approved && deadlinePassed && (plan == null || plan.status() != AccountPlan.Status.CLOSED),
          content == null ? null : content.hasValueObjective(),
          content == null ? null : content.objectives().size(), content == null ? null : content.actions().size(),
          content == null ? null : content.trainingNeeds().size());
    }).toList();
  }

  private static String status(AccountPlan plan) {
    if (plan == null) {
      return "No plan";
    }
    return switch (plan.status()) {
      case DRAFTING -> "Drafting";
      case IN_REVIEW -> "In review";
      case APPROVED -> "Approved";
      case CLOSED -> "Closed unapproved";
    };
  }

  public Dashboard of(int year) {
    PlanningCycle cycle = cycles.find(year)
        .orElseThrow(() -> ApiException.of(HttpStatus.NOT_FOUND, "error.cycle.none", String.valueOf(year)));
    Instant deadline = calendar.endOf(cycle.planDeadline()).toInstant();
    boolean deadlinePassed = clock.instant().isAfter(deadline);
    List<AccountPlan> yearPlans = plans.findByYear(year);
    Map<String, PlanVersion> latest = plans.latestVersions(year);
    int approved = 0;
    int onTime = 0;
    int withValueObjective = 0;
    for (AccountPlan plan : yearPlans) {
      if (plan.status() != AccountPlan.Status.APPROVED) {
        continue;
      }
      approved++;
      if (!plan.approvedAt().isAfter(deadline)) {
        onTime++;
      }
      PlanVersion version = latest.get(plan.accountId());
      if (version != null && version.content().hasValueObjective()) {
        withValueObjective++;
      }
    }
    // not approved and still open: a plan the closing date closed is neither in progress nor overdue
    int notApproved = (int) yearPlans.stream().filter(plan -> plan.status() == AccountPlan.Status.DRAFTING
        || plan.status() == AccountPlan.Status.IN_REVIEW).count();
    List<CycleSegment> segments = cycleSegments.segments(year);
    Map<String, Long> perSegment = new LinkedHashMap<>();
    PortfolioSegmentation.countBySegment(segments).forEach((segment, count) -> perSegment.put(segment.label(), count));
    return new Dashboard(year, cycle.planDeadline().toString(), cycle.closingDate().toString(), segments.size(),
        yearPlans.size(), approved, onTime, approved - onTime, notApproved, deadlinePassed ? notApproved : 0,
        approved == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(withValueObjective)
            .divide(BigDecimal.valueOf(approved), 2, RoundingMode.HALF_UP),
        perSegment, cycle.trainingPlan() != null, ritualCompliance.complianceOf(year));
  }

  private static String audienceLabel(String audience) {
    return com.kap.platform.forms.FormLabels.option("draftAccountPlan", "trainingNeeds[].forWhom", audience);
  }

  /** Where an account of the scope has no segment in the year (imported after the segmentation). */
  private static final String NOT_SEGMENTED = "Not segmented";

  /** The regions of the portfolio, for the page's filter. */
  public List<String> regions() {
    return cycleSegments.regions();
  }

  /**
   * The year's dashboard page within {@code scope}: every figure counts only the accounts of the scope's region and,
   * for an executive sponsor, the accounts they sponsor. Reads the year's plans, segments, accounts, rituals and bids
   * once each.
   */
  public DashboardView view(int year, DashboardView.Scope scope) {
    PlanningCycle cycle = cycles.find(year)
        .orElseThrow(() -> ApiException.of(HttpStatus.NOT_FOUND, "error.cycle.none", String.valueOf(year)));
    ZoneId zone = calendar.properties().timeZone();
    Instant deadline = calendar.endOf(cycle.planDeadline()).toInstant();
    boolean deadlinePassed = clock.instant().isAfter(deadline);

    Map<String, Account> accounts = new HashMap<>();
    for (Account account : cycleSegments.accounts()) {
      if ((scope.region() == null || scope.region().equals(account.region()))
          && (scope.sponsor() == null || scope.sponsor().equals(account.sponsor()))) {
        accounts.put(account.accountId(), account);
      }
    }
    Map<String, String> segmentOf = new HashMap<>();
    Map<String, Long> perSegment = new LinkedHashMap<>();
    Map<String, Map<String, Integer>> bySegment = new LinkedHashMap<>();
    for (Segment segment : Segment.values()) {
      perSegment.put(segment.label(), 0L);
      Map<String, Integer> row = new LinkedHashMap<>();
      for (String column : List.of("Drafting", "In review", "Approved", "Closed unapproved", "No plan")) {
        row.put(column, 0);
      }
      bySegment.put(segment.label(), row);
    }
    for (CycleSegment segment : cycleSegments.segments(year)) {
      if (accounts.containsKey(segment.accountId())) {
        segmentOf.put(segment.accountId(), segment.segment().label());
        perSegment.merge(segment.segment().label(), 1L, Long::sum);
      }
    }

    List<AccountPlan> yearPlans = plans.findByYear(year).stream()
        .filter(plan -> accounts.containsKey(plan.accountId())).toList();
    Map<String, LatestPlanFacts.Facts> latest = latestFacts.of(year);
    Map<String, String> statusOf = new HashMap<>();
    List<Instant> approvedAt = new ArrayList<>();
    int approved = 0;
    int onTime = 0;
    int withValueObjective = 0;
    for (AccountPlan plan : yearPlans) {
      statusOf.put(plan.accountId(), switch (plan.status()) {
        case DRAFTING -> "Drafting";
        case IN_REVIEW -> "In review";
        case APPROVED -> "Approved";
        case CLOSED -> "Closed unapproved";
      });
      if (plan.status() != AccountPlan.Status.APPROVED) {
        continue;
      }
      approved++;
      approvedAt.add(plan.approvedAt());
      if (!plan.approvedAt().isAfter(deadline)) {
        onTime++;
      }
      LatestPlanFacts.Facts facts = latest.get(plan.accountId());
      if (facts != null && facts.hasValueObjective()) {
        withValueObjective++;
      }
    }
    segmentOf.forEach((account, segment) -> bySegment.get(segment)
        .merge(statusOf.getOrDefault(account, "No plan"), 1, Integer::sum));
    // not approved and still open: a plan the closing date closed is neither in progress nor overdue
    int notApproved = (int) yearPlans.stream().filter(plan -> plan.status() == AccountPlan.Status.DRAFTING
        || plan.status() == AccountPlan.Status.IN_REVIEW).count();

    List<String> order = Arrays.stream(Segment.values()).map(Segment::label).toList();
    List<OverduePlan> overdue = !deadlinePassed ? List.of() : yearPlans.stream()
        .filter(plan -> plan.status() == AccountPlan.Status.DRAFTING || plan.status() == AccountPlan.Status.IN_REVIEW)
        .sorted(Comparator.comparing((AccountPlan plan) -> order.indexOf(plan.segment()))
            .thenComparing(AccountPlan::accountId))
        .map(plan -> new OverduePlan(plan.accountId(), accounts.get(plan.accountId()).name(), plan.kam(),
            plan.segment(), plan.status() == AccountPlan.Status.DRAFTING ? "Drafting" : "In review"))
        .toList();

    List<DashboardView.ApprovalWeek> weeks = approvalWeeks(approvedAt, cycle.planDeadline(), zone,
        segmentOf.size(), clock.instant().atZone(zone).toLocalDate());

    Map<String, DashboardView.Budget> byRegion = new TreeMap<>();
    Map<String, DashboardView.Budget> budgetBySegment = new LinkedHashMap<>();
    // an executive sponsor sees no bid through the budget's API, so no sum of them either
    List<BudgetFiguresSource.BidAmount> bids = scope.sponsor() == null ? budgetFigures.bidsOf(year) : List.of();
    for (BudgetFiguresSource.BidAmount bid : bids) {
      Account account = accounts.get(bid.accountId());
      if (account == null) {
        continue;
      }
      DashboardView.Budget one = DashboardView.Budget.of(bid.cost(), bid.funded(), bid.decided());
      byRegion.merge(account.region(), one, DashboardView.Budget::add);
      budgetBySegment.merge(segmentOf.getOrDefault(bid.accountId(), NOT_SEGMENTED), one, DashboardView.Budget::add);
    }
    Map<String, DashboardView.Budget> budgetBySegmentOrdered = new LinkedHashMap<>();
    order.forEach(label -> {
      if (budgetBySegment.containsKey(label)) {
        budgetBySegmentOrdered.put(label, budgetBySegment.remove(label));
      }
    });
    budgetBySegmentOrdered.putAll(budgetBySegment);

    DashboardView.Rate total = new DashboardView.Rate(0, 0, 0);
    Map<String, DashboardView.Rate> ritualsBySegment = new TreeMap<>();
    Map<String, DashboardView.Rate> ritualsByKam = new TreeMap<>();
    for (RitualComplianceSource.AccountRitualCount count : ritualCompliance.perAccount(year)) {
      Account account = accounts.get(count.accountId());
      if (account == null) {
        continue;
      }
      DashboardView.Rate rate = new DashboardView.Rate(count.planned(), count.due(), count.held());
      total = total.add(rate);
      ritualsBySegment.merge(segmentOf.getOrDefault(count.accountId(), NOT_SEGMENTED), rate, DashboardView.Rate::add);
      ritualsByKam.merge(account.kam(), rate, DashboardView.Rate::add);
    }

    // the same need of the same audience counted once, with the plans that name it: at 10,000 plans a row per plan
    // would be a page nobody reads (and megabytes to send)
    Map<String, Integer> audienceOrder = new HashMap<>();
    PlanContent.TRAINING_AUDIENCES.forEach(audience -> audienceOrder.put(audience, audienceOrder.size()));
    Map<List<String>, List<Account>> byNeed = new LinkedHashMap<>();
    Map<List<String>, String[]> shown = new HashMap<>();
    int needCount = 0;
    for (Map.Entry<String, LatestPlanFacts.Facts> facts : new TreeMap<>(latest).entrySet()) {
      Account account = accounts.get(facts.getKey());
      if (account == null) {
        continue;
      }
      for (PlanContent.TrainingNeed need : facts.getValue().trainingNeeds()) {
        List<String> key = List.of(need.forWhom(), need.need().strip().toLowerCase(java.util.Locale.ROOT));
        shown.putIfAbsent(key, new String[] {need.forWhom(), need.need().strip()});
        byNeed.computeIfAbsent(key, k -> new ArrayList<>()).add(account);
        needCount++;
      }
    }
    List<DashboardView.TrainingNeed> needs = byNeed.entrySet().stream()
        .sorted(Comparator.comparing((Map.Entry<List<String>, List<Account>> need) ->
                audienceOrder.getOrDefault(need.getKey().get(0), audienceOrder.size()))
            .thenComparing(need -> -need.getValue().size())
            .thenComparing(need -> need.getKey().get(1)))
        .map(need -> new DashboardView.TrainingNeed(shown.get(need.getKey())[0],
            audienceLabel(shown.get(need.getKey())[0]),
            shown.get(need.getKey())[1], need.getValue().size(), need.getValue().stream()
                .limit(DashboardView.TrainingNeed.ACCOUNTS_NAMED)
                .map(account -> new DashboardView.AccountName(account.accountId(), account.name())).toList()))
        .toList();

    DashboardView.Figures figures = new DashboardView.Figures(cycle.planDeadline().toString(),
        cycle.closingDate().toString(), segmentOf.size(), yearPlans.size(), approved, onTime, approved - onTime,
        notApproved, deadlinePassed ? notApproved : 0,
        approved == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(withValueObjective)
            .divide(BigDecimal.valueOf(approved), 2, RoundingMode.HALF_UP),
        cycle.trainingPlan() != null);
    return new DashboardView(year, scope, figures, bySegment, deadlinePassed, overdue, weeks,
        chart(weeks, segmentOf.size()), perSegment, byRegion, budgetBySegmentOrdered,
        new DashboardView.Rituals(total, ritualsBySegment, ritualsByKam), new DashboardView.Training(needCount, needs),
        health(year, accounts, segmentOf, order));
  }

  /** The scope's latest stored health (one query), by segment and the least healthy accounts. */
  private DashboardView.Health health(int year, Map<String, Account> accounts, Map<String, String> segmentOf,
      List<String> order) {
    Map<String, int[]> sums = new LinkedHashMap<>(); // segment → accounts, sum of scores, under 50
    order.forEach(label -> sums.put(label, new int[3]));
    List<AccountHealthSource.StoredHealth> shown = new ArrayList<>();
    for (AccountHealthSource.StoredHealth stored : accountHealth.latestOf(year)) {
      if (!accounts.containsKey(stored.accountId())) {
        continue;
      }
      shown.add(stored);
      int[] sum = sums.computeIfAbsent(segmentOf.getOrDefault(stored.accountId(), NOT_SEGMENTED), s -> new int[3]);
      sum[0]++;
      sum[1] += stored.score();
      sum[2] += stored.score() < DashboardView.Health.POOR ? 1 : 0;
    }
    Map<String, DashboardView.SegmentHealth> bySegment = new LinkedHashMap<>();
    sums.forEach((segment, sum) -> {
      if (sum[0] > 0) {
        bySegment.put(segment, new DashboardView.SegmentHealth(sum[0], BigDecimal.valueOf(sum[1])
            .divide(BigDecimal.valueOf(sum[0]), 1, RoundingMode.HALF_UP), sum[2]));
      }
    });
    List<DashboardView.AccountHealthRow> least = shown.stream()
        .sorted(Comparator.comparingInt(AccountHealthSource.StoredHealth::score)
            .thenComparing(AccountHealthSource.StoredHealth::accountId))
        .limit(DashboardView.Health.LEAST_HEALTHY)
        .map(stored -> {
          Account account = accounts.get(stored.accountId());
          return new DashboardView.AccountHealthRow(stored.accountId(), account.name(),
              segmentOf.getOrDefault(stored.accountId(), NOT_SEGMENTED), account.kam(), stored.score(),
              stored.reasons(), stored.date());
        }).toList();
    return new DashboardView.Health(shown.size(), bySegment, least);
  }

  /**
   * Week by week (weeks end on Sunday) from the first approval's week to the last approval's or, if later, the
   * deadline's; never beyond this week, which has not happened yet.
   */
  static List<DashboardView.ApprovalWeek> approvalWeeks(List<Instant> approvedAt, LocalDate planDeadline, ZoneId zone,
      int accounts, LocalDate today) {
    if (approvedAt.isEmpty()) {
      return List.of();
    }
    TreeMap<LocalDate, Integer> perWeek = new TreeMap<>();
    for (Instant at : approvedAt) {
      perWeek.merge(weekEnding(at.atZone(zone).toLocalDate()), 1, Integer::sum);
    }
    LocalDate deadlineWeek = weekEnding(planDeadline);
    LocalDate thisWeek = weekEnding(today);
    LocalDate shownDeadlineWeek = deadlineWeek.isAfter(thisWeek) ? thisWeek : deadlineWeek;
    LocalDate last = perWeek.lastKey().isAfter(shownDeadlineWeek) ? perWeek.lastKey() : shownDeadlineWeek;
    List<DashboardView.ApprovalWeek> weeks = new ArrayList<>();
    int soFar = 0;
    for (LocalDate week = perWeek.firstKey(); !week.isAfter(last); week = week.plusWeeks(1)) {
      int inWeek = perWeek.getOrDefault(week, 0);
      soFar += inWeek;
      weeks.add(new DashboardView.ApprovalWeek(week, inWeek, soFar, accounts == 0 ? BigDecimal.ZERO
          : BigDecimal.valueOf(soFar).divide(BigDecimal.valueOf(accounts), 2, RoundingMode.HALF_UP),
          week.equals(deadlineWeek)));
    }
    return weeks;
  }

  private static LocalDate weekEnding(LocalDate day) {
    return day.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
  }

  /** The approvals so far as a polyline in a 600 × 200 box: x by week, y by the share of the accounts approved. */
  static DashboardView.Chart chart(List<DashboardView.ApprovalWeek> weeks, int accounts) {
    if (weeks.isEmpty() || accounts == 0) {
      return new DashboardView.Chart("", null, null, null);
    }
    StringBuilder points = new StringBuilder();
    Integer deadlineX = null;
    for (int i = 0; i < weeks.size(); i++) {
      int x = weeks.size() == 1 ? 300 : (int) Math.round(600.0 * i / (weeks.size() - 1));
      int y = (int) Math.round(200 - 200.0 * weeks.get(i).approvedSoFar() / accounts);
      points.append(i == 0 ? "" : " ").append(x).append(',').append(y);
      if (weeks.get(i).deadlineWeek()) {
        deadlineX = x;
      }
    }
    return new DashboardView.Chart(points.toString(), deadlineX, weeks.get(0).weekEnding().toString(),
        weeks.get(weeks.size() - 1).weekEnding().toString());
  }
}
