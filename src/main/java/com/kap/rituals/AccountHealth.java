package com.kap.rituals;

import com.kap.planning.AccountHealthSource;
import com.kap.planning.AccountStakeholders;
import com.kap.planning.CycleCalendar;
import com.kap.planning.PlanContent;
import com.kap.planning.StakeholderMap;
import com.kap.portfolio.CycleSegment;
import com.kap.portfolio.Portfolio;
import com.kap.portfolio.PortfolioQueries;
import com.kap.rituals.internal.AccountHealthRepository;
import com.kap.rituals.internal.AccountHealthRepository.ReviewedObjective;
import com.kap.rituals.internal.AccountHealthRepository.RitualFigures;
import com.kap.rituals.internal.AccountHealthRepository.Snapshot;
import com.kap.rituals.internal.CoverageWords;
import com.kap.rituals.internal.HealthScore;
import com.kap.rituals.internal.TargetPercent;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * An account's health in a cycle year: a score of 0-100 and the reasons it lost points, by the DMN table
 * accountHealth (its latest deployed version) from the rituals held of those due, the customer's satisfaction in the
 * held rituals, the objectives' progress in the plan reviews, the stakeholder map against the segment's stakeholder
 * coverage and the actions overdue. Each account keeps its history: a snapshot when the score or its reasons change,
 * at most one a day (the day's last). Computed on demand for one account (API, account page) and for all accounts by
 * the daily job, with the same queries (one per input, for one account or all); the dashboard reads the stored
 * snapshots only ({@link AccountHealthSource}).
 */
@Service
public class AccountHealth implements AccountHealthSource {

  public static final String DECISION = "accountHealth";
  private static final Logger LOG = LoggerFactory.getLogger(AccountHealth.class);
  /** The table is evaluated in memory, without decision history (a row a day per account would be noise). */
  private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  /** A snapshot as the history shows it. */
  public record HealthEntry(LocalDate date, int score, List<String> reasons) {}

  /**
   * @param year the cycle year the health is of
   * @param history the stored snapshots of the year, latest first (the current one included)
   */
  public record Health(String accountId, int year, int score, List<String> reasons, List<HealthEntry> history) {}

  /** The table's inputs for one account; null where not known (it costs nothing). */
  public record Inputs(Integer heldPercent, Double satisfaction, Integer objectivePercent, Integer coverageGaps,
      String coverageMissing, int overdueActions) {

    VariableMap variables() {
      return Variables.createVariables().putValue("heldPercent", heldPercent)
          .putValue("satisfaction", satisfaction).putValue("objectivePercent", objectivePercent)
          .putValue("coverageGaps", coverageGaps).putValue("coverageMissing", coverageMissing)
          .putValue("overdueActions", overdueActions);
    }
  }

  private final AccountHealthRepository repository;
  private final Portfolio portfolio;
  private final PortfolioQueries visibleAccounts;
  private final AccountStakeholders stakeholders;
  private final ProcessEngineConfigurationImpl engine;
  private final CycleCalendar calendar;
  private final Clock clock;
  private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

  public AccountHealth(AccountHealthRepository repository, Portfolio portfolio, PortfolioQueries visibleAccounts,
      AccountStakeholders stakeholders, ProcessEngineConfigurationImpl engine, CycleCalendar calendar, Clock clock) {
    this.repository = repository;
    this.portfolio = portfolio;
    this.visibleAccounts = visibleAccounts;
    this.stakeholders = stakeholders;
    this.engine = engine;
    this.calendar = calendar;
    this.clock = clock;
  }

  /** Today in the cycle's time zone: the day a snapshot is of, and the year health is computed for by default. */
  public LocalDate today() {
    return clock.instant().atZone(calendar.properties().timeZone()).toLocalDate();
  }

  /**
   * The account's health of the year (this year when null), computed now and stored if it changed, to those who may
   * see the account. Only a year the account is segmented for is stored: another year is answered, not written.
   *
   * @throws com.kap.platform.web.ApiException 404 for an unknown account, 403 for one the caller may not see
   */
  public Health of(String accountId, Integer year) {
    visibleAccounts.accountView(accountId);
    return healthOf(accountId, year == null ? today().getYear() : year);
  }

  /** The same, for a caller that checked the rights already (the account page). */
  public Health healthOf(String accountId, int year) {
    LocalDate today = today();
    Map<String, HealthScore.Result> results = compute(year, today, accountId);
    HealthScore.Result result = results.get(accountId);
    if (portfolio.segment(year, accountId).isPresent()) {
      store(year, today, accountId, Map.of(accountId, result), clock.instant());
    }
    List<HealthEntry> history = repository.history(year, accountId).stream()
        .map(s -> new HealthEntry(s.date(), s.score(), HealthScore.split(s.reasons()))).toList();
    return new Health(accountId, year, result.score(), result.reasons(), history);
  }

  /**
   * Computes the health of every account of the year (those segmented for it) in bulk, one query per input, and
   * stores the snapshots that changed.
   *
   * @return how many snapshots were stored or changed
   */
  public int storeAll(int year) {
    LocalDate today = today();
    Map<String, HealthScore.Result> results = compute(year, today, null);
    int stored = store(year, today, null, results, clock.instant());
    LOG.info("Account health of {}: {} accounts computed, {} changed", year, results.size(), stored);
    return stored;
  }

  @Override
  public List<StoredHealth> latestOf(int year) {
    return repository.latest(year).stream().map(s -> new StoredHealth(s.accountId(), s.date(), s.score(),
        HealthScore.split(s.reasons()))).toList();
  }

  /** One account's or (accountId null) all segmented accounts' results, from the same queries either way. */
  private Map<String, HealthScore.Result> compute(int year, LocalDate today, String accountId) {
    Map<String, String> segments = new HashMap<>();
    Map<String, List<PlanContent.Stakeholder>> maps;
    if (accountId == null) {
      for (CycleSegment segment : portfolio.segments(year)) {
        segments.put(segment.accountId(), segment.segment().label());
      }
      maps = stakeholders.allMaps();
    } else {
      segments.put(accountId, portfolio.segment(year, accountId).map(s -> s.segment().label()).orElse(null));
      maps = new HashMap<>();
      stakeholders.of(accountId).map(StakeholderMap::stakeholders).ifPresent(list -> maps.put(accountId, list));
    }
    Map<String, RitualFigures> rituals = repository.rituals(year, today, accountId);
    Map<String, Integer> overdue = repository.overdueActions(year, today, accountId);
    Map<String, List<ReviewedObjective>> objectives = repository.reviewedObjectives(year, accountId);
    AccountStakeholders.CoverageCheck coverage = stakeholders.coverageCheck();
    DmnDecision decision = decision();
    Map<String, HealthScore.Result> results = new HashMap<>();
    segments.forEach((id, segment) -> {
      Inputs inputs = inputs(rituals.get(id), objectives.get(id), segment,
          segment == null ? null : CoverageWords.english(coverage.missing(segment, maps.get(id))),
          overdue.getOrDefault(id, 0));
      results.put(id, HealthScore.fromResult(DMN.evaluateDecisionTable(decision, inputs.variables())
          .getResultList()));
    });
    return results;
  }

  /** The table's inputs from what was read; public for the tests of the arithmetic. */
  public static Inputs inputs(RitualFigures rituals, List<ReviewedObjective> objectives, String segment,
      List<String> missingCoverage, int overdueActions) {
    Integer heldPercent = rituals == null ? null : HealthScore.heldPercent(rituals.held(), rituals.due());
    Double satisfaction = rituals == null ? null : rituals.satisfaction();
    Integer objectivePercent = objectives == null ? null : HealthScore.averagePercent(objectives.stream()
        .map(o -> TargetPercent.of(o.target(), o.actual()).orElse(null)).toList());
    Integer gaps = segment == null || missingCoverage == null ? null : missingCoverage.size();
    String missing = CoverageWords.joined(missingCoverage);
    return new Inputs(heldPercent, satisfaction, objectivePercent, gaps, missing, overdueActions);
  }

  /**
   * Stores what changed: a new snapshot for the day, or the day's changed again (back to the day before's: the
   * day's goes). Each write is a statement of its own, so that another node doing the same at once costs nothing.
   */
  private int store(int year, LocalDate today, String accountId, Map<String, HealthScore.Result> results,
      Instant at) {
    Map<String, Snapshot> before = repository.latestBefore(year, today, accountId);
    Map<String, Snapshot> todays = repository.on(year, today, accountId);
    int changed = 0;
    for (Map.Entry<String, HealthScore.Result> entry : results.entrySet()) {
      String id = entry.getKey();
      int score = entry.getValue().score();
      String reasons = HealthScore.joined(entry.getValue().reasons());
      Snapshot previous = before.get(id);
      Snapshot current = todays.get(id);
      Snapshot latest = current != null ? current : previous;
      if (same(latest, score, reasons)) {
        continue;
      }
      if (current == null) {
        if (repository.insert(year, id, today, score, reasons, at)) {
          changed++;
        }
      } else if (same(previous, score, reasons)) {
        repository.delete(year, id, today);
        changed++;
      } else {
        repository.update(year, id, today, score, reasons, at);
        changed++;
      }
    }
    return changed;
  }

  private static boolean same(Snapshot snapshot, int score, String reasons) {
    return snapshot != null && snapshot.score() == score && Objects.equals(snapshot.reasons(), reasons);
  }

  /** The latest deployed version of the table, parsed once per version. */
  private DmnDecision decision() {
    return engine.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(() -> {
      DecisionDefinition definition = context.getProcessEngineConfiguration().getDeploymentCache()
          .findDeployedLatestDecisionDefinitionByKey(DECISION);
      return parsed.computeIfAbsent(definition.getId(), id -> {
        ResourceEntity resource = context.getResourceManager().findResourceByDeploymentIdAndResourceName(
            definition.getDeploymentId(), definition.getResourceName());
        if (resource == null) {
          throw new ProcessEngineException("no resource of decision " + id);
        }
        return DMN.parseDecision(DECISION, new ByteArrayInputStream(resource.getBytes()));
      });
    }));
  }
}
