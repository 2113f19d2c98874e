package com.kap.planning;

import com.kap.planning.internal.CycleRepository;
import com.kap.platform.forms.FormLabels;
import com.kap.platform.web.ApiException;
import com.kap.portfolio.CycleSegment;
import com.kap.portfolio.Portfolio;
import com.kap.portfolio.Segment;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The year's proofs of success, what the programme shows its executive sponsors and steering committee: value
 * objectives met and margin against revenue, ritual compliance, what funded bids delivered, and training delivered.
 * Every figure is counted from KAP's records of the cycle year; nothing is typed in for the report.
 */
@Service
public class ProgrammeProofs {

  /** An objective counts as met when the latest plan review's actual reaches its target: 100 % or more. */
  public static final int MET_PERCENT = 100;

  private final CycleRepository cycles;
  private final AccountPlans plans;
  private final Portfolio portfolio;
  private final ObjectiveResultsSource objectives;
  private final RitualComplianceSource rituals;
  private final BudgetFiguresSource budget;
  private final TrainingRecords training;
  private final PlanningCycles planningCycles;

  public ProgrammeProofs(CycleRepository cycles, AccountPlans plans, Portfolio portfolio,
      ObjectiveResultsSource objectives, RitualComplianceSource rituals, BudgetFiguresSource budget,
      TrainingRecords training, PlanningCycles planningCycles) {
    this.cycles = cycles;
    this.plans = plans;
    this.portfolio = portfolio;
    this.objectives = objectives;
    this.rituals = rituals;
    this.budget = budget;
    this.training = training;
    this.planningCycles = planningCycles;
  }

  /**
   * @param accounts the accounts segmented for the year
   * @param approvedPlans the year's approved plans, whose objectives count
   */
  public record Proofs(int year, int accounts, int approvedPlans, Objectives objectives, Rituals rituals,
      BidValue bids, Training training) {}

  /**
   * The objectives of one type (or of a group of types).
   *
   * @param type the objective type's value in the plan form, e.g. {@code profitability}
   * @param label as the plan form shows it
   * @param objectives in the approved plans
   * @param reviewed those a plan review has recorded an actual for, against a target with a number
   * @param met of the reviewed, those whose actual reached the target
   * @param averagePercent the reviewed ones' average actual of target, rounded; null when none is reviewed
   */
  public record ObjectiveFigures(String type, String label, int objectives, int reviewed, int met,
      Integer averagePercent) {}

  /**
   * @param plansWithValueObjective approved plans with at least one profitability or value objective
   * @param value the profitability and value objectives together: quality, not only quantity
   * @param margin the profitability objectives, against {@code revenue}: margin grown, or only turnover
   * @param byType every objective type, in the plan form's order
   */
  public record Objectives(int plansWithValueObjective, ObjectiveFigures value, ObjectiveFigures margin,
      ObjectiveFigures revenue, List<ObjectiveFigures> byType) {}

  /**
   * Rituals of a group: planned in the year, due (their day passed) and held of those.
   *
   * @param heldShare held of due (0-1, two decimals), null when none is due
   */
  public record RitualRate(String group, int planned, int due, int held, BigDecimal heldShare) {

    static RitualRate of(String group, int planned, int due, int held) {
      return new RitualRate(group, planned, due, held, due == 0 ? null
          : BigDecimal.valueOf(held).divide(BigDecimal.valueOf(due), 2, RoundingMode.HALF_UP));
    }
  }

  /** @param bySegment the segments in their order of service intensity, each once */
  public record Rituals(RitualRate total, List<RitualRate> bySegment) {}

  /**
   * What the funded bids of the year's budget rounds delivered against what they promised.
   *
   * @param fundedBids funded bids of the year's rounds; @param reportedBids those whose KAM reported results
   * @param promised the reported bids' expected 3-year margin; @param delivered the value they delivered
   * @param ratio delivered ÷ promised (two decimals), null before any report
   */
  public record BidValue(int fundedBids, int reportedBids, long promised, long delivered, BigDecimal ratio,
      List<BudgetFiguresSource.ResultRatio> byCategory) {}

  /**
   * Training delivered to one audience against the needs the plans named.
   *
   * @param needs training needs of that audience in the year's plans (latest versions)
   * @param participants different people who attended a session for that audience
   * @param hours the sessions' hours; @param participantHours each session's hours times its participants
   */
  public record AudienceTraining(String audience, String label, int needs, int sessions, int participants,
      BigDecimal hours, BigDecimal participantHours) {}

  /**
   * @param planConsolidated whether the training coordinator has written the year's training plan
   * @param total the same figures for all audiences (participants counted once each)
   * @param sessions every session recorded for the year, in the order delivered
   */
  public record Training(boolean planConsolidated, AudienceTraining total, List<AudienceTraining> byAudience,
      List<Session> sessions) {}

  /** A session delivered, its audience named as the plan form names it. */
  public record Session(long sessionNo, java.time.LocalDate deliveredOn, String title, String audience,
      String audienceLabel, BigDecimal hours, List<String> participants, List<String> accountIds) {}

  /**
   * The proofs of the cycle year.
   *
   * @throws ApiException 404 when the year has no planning cycle
   */
  public Proofs of(int year) {
    PlanningCycle cycle = cycles.find(year)
        .orElseThrow(() -> ApiException.of(HttpStatus.NOT_FOUND, "error.cycle.none", String.valueOf(year)));
    List<CycleSegment> segments = portfolio.segments(year);
    List<ApprovedPlan> approved = plans.approvedPlans(year);
    int withValueObjective = (int) approved.stream().filter(p -> p.content().hasValueObjective()).count();
    return new Proofs(year, segments.size(), approved.size(),
        objectives(objectives.objectivesOf(year), withValueObjective), rituals(year, segments), bids(year),
        training(year, cycle));
  }

  /** The objectives' figures; public for the tests of the counting. */
  public static Objectives objectives(List<ObjectiveResultsSource.ObjectiveResult> results, int withValueObjective) {
    List<ObjectiveFigures> byType = new ArrayList<>();
    for (String type : PlanContent.OBJECTIVE_TYPES) {
      byType.add(figures(type, typeLabel(type), results.stream().filter(r -> type.equals(r.type())).toList()));
    }
    ObjectiveFigures value = figures("profitability, value", "Profitability and value", results.stream()
        .filter(r -> PlanContent.VALUE_OBJECTIVE_TYPES.contains(r.type())).toList());
    return new Objectives(withValueObjective, value, byType.get(PlanContent.OBJECTIVE_TYPES.indexOf("profitability")),
        byType.get(PlanContent.OBJECTIVE_TYPES.indexOf("revenue")), byType);
  }

  private static ObjectiveFigures figures(String type, String label,
      List<ObjectiveResultsSource.ObjectiveResult> results) {
    int reviewed = 0;
    int met = 0;
    long percentSum = 0;
    for (ObjectiveResultsSource.ObjectiveResult result : results) {
      if (result.percent() == null) {
        continue;
      }
      reviewed++;
      percentSum += result.percent();
      if (result.percent() >= MET_PERCENT) {
        met++;
      }
    }
    Integer average = reviewed == 0 ? null : BigDecimal.valueOf(percentSum)
        .divide(BigDecimal.valueOf(reviewed), 0, RoundingMode.HALF_UP).intValueExact();
    return new ObjectiveFigures(type, label, results.size(), reviewed, met, average);
  }

  private static String typeLabel(String type) {
    return FormLabels.option("draftAccountPlan", "objectives[].type", type);
  }

  private Rituals rituals(int year, List<CycleSegment> segments) {
    Map<String, Segment> segmentOf = new HashMap<>();
    segments.forEach(s -> segmentOf.put(s.accountId(), s.segment()));
    Map<Segment, int[]> bySegment = new LinkedHashMap<>();
    for (Segment segment : Segment.values()) {
      bySegment.put(segment, new int[3]);
    }
    int[] total = new int[3];
    for (RitualComplianceSource.AccountRitualCount count : rituals.perAccount(year)) {
      Segment segment = segmentOf.get(count.accountId());
      if (segment == null) {
        continue; // an account out of the year's segmentation is not part of the year's programme
      }
      for (int[] sums : List.of(bySegment.get(segment), total)) {
        sums[0] += count.planned();
        sums[1] += count.due();
        sums[2] += count.held();
      }
    }
    List<RitualRate> rows = new ArrayList<>();
    bySegment.forEach((segment, sums) -> rows.add(RitualRate.of(segment.label(), sums[0], sums[1], sums[2])));
    return new Rituals(RitualRate.of("All segments", total[0], total[1], total[2]), rows);
  }

  private BidValue bids(int year) {
    BudgetFiguresSource.ResultFigures results = budget.resultsOf(year, null);
    return bidValue(results.byRound(), results.byCategory());
  }

  /** The totals over the rounds' figures; public for the tests of the arithmetic. */
  public static BidValue bidValue(List<BudgetFiguresSource.ResultRatio> byRound,
      List<BudgetFiguresSource.ResultRatio> byCategory) {
    int funded = 0;
    int reported = 0;
    long promised = 0;
    long delivered = 0;
    for (BudgetFiguresSource.ResultRatio round : byRound) {
      funded += round.fundedBids();
      reported += round.reportedBids();
      promised += round.promised();
      delivered += round.delivered();
    }
    BigDecimal ratio = reported == 0 || promised == 0 ? null
        : BigDecimal.valueOf(delivered).divide(BigDecimal.valueOf(promised), 2, RoundingMode.HALF_UP);
    return new BidValue(funded, reported, promised, delivered, ratio, byCategory);
  }

  private Training training(int year, PlanningCycle cycle) {
    TrainingNeeds needs = planningCycles.trainingNeeds(year);
    Map<String, Integer> needsByAudience = new HashMap<>();
    needs.byAudience().forEach((audience, list) -> needsByAudience.put(audience, list.size()));
    return training(cycle.trainingPlan() != null, needsByAudience, training.ofYear(year));
  }

  /** The training figures from the needs by audience and the sessions; public for the tests of the counting. */
  public static Training training(boolean planConsolidated, Map<String, Integer> needsByAudience,
      List<TrainingSession> sessions) {
    List<AudienceTraining> rows = new ArrayList<>();
    for (String audience : PlanContent.TRAINING_AUDIENCES) {
      rows.add(audience(audience, audienceLabel(audience), needsByAudience.getOrDefault(audience, 0),
          sessions.stream().filter(s -> audience.equals(s.audience())).toList()));
    }
    int allNeeds = needsByAudience.values().stream().mapToInt(Integer::intValue).sum();
    return new Training(planConsolidated, audience("all", "All audiences", allNeeds, sessions), rows,
        sessions.stream().map(t -> new Session(t.sessionNo(), t.deliveredOn(), t.title(), t.audience(),
            audienceLabel(t.audience()), plain(t.hours()), t.participants(), t.accountIds())).toList());
  }

  private static AudienceTraining audience(String audience, String label, int needs, List<TrainingSession> sessions) {
    Set<String> people = new HashSet<>();
    BigDecimal hours = BigDecimal.ZERO;
    BigDecimal participantHours = BigDecimal.ZERO;
    for (TrainingSession session : sessions) {
      people.addAll(session.participants());
      hours = hours.add(session.hours());
      participantHours = participantHours.add(session.hours()
          .multiply(BigDecimal.valueOf(session.participants().size())));
    }
    return new AudienceTraining(audience, label, needs, sessions.size(), people.size(), plain(hours),
        plain(participantHours));
  }

  /** 12 rather than 12.00 or 1.2E+1. */
  private static BigDecimal plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  private static String audienceLabel(String audience) {
    return FormLabels.option("draftAccountPlan", "trainingNeeds[].forWhom", audience);
  }
}
