package com.kap.planning.internal;

import com.kap.planning.PlanContent;
import com.kap.planning.PlanVersion;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What the programme dashboard needs of each plan's latest version (whether it holds a value objective, its training
 * needs), kept in memory by version. A submitted version never changes, so a version's facts are read and parsed
 * once: at 10,000 plans, parsing every latest version's JSON was most of the dashboard's time. A version is known by
 * its plan, number and submission time, so that a cancelled and restarted cycle's new versions are read afresh.
 */
@Component
public class LatestPlanFacts {

  /** The most versions kept; a year of 10,000 plans needs 10,000. */
  static final int CAPACITY = 50_000;
  /** Up to this many new versions are read one by one; more, and the year's latest versions are read at once. */
  static final int ONE_BY_ONE = 200;

  public record Facts(boolean hasValueObjective, List<PlanContent.TrainingNeed> trainingNeeds) {

    static Facts of(PlanContent content) {
      return new Facts(content.hasValueObjective(), List.copyOf(content.trainingNeeds()));
    }
  }

  private record Key(int year, String accountId, int version, Instant submittedAt) {}

  private final AccountPlanRepository plans;
  private final Map<Key, Facts> known = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, Facts> eldest) {
      return size() > CAPACITY;
    }
  };

  public LatestPlanFacts(AccountPlanRepository plans) {
    this.plans = plans;
  }

  /** The facts of the latest version of every plan of the year that has one, by account. */
  public Map<String, Facts> of(int year) {
    synchronized (known) {
      List<AccountPlanRepository.LatestVersion> latest = plans.latestVersionKeys(year);
      List<AccountPlanRepository.LatestVersion> unknown = latest.stream()
          .filter(version -> !known.containsKey(key(year, version))).toList();
      if (unknown.size() > ONE_BY_ONE) {
        return readAll(year);
      }
      for (AccountPlanRepository.LatestVersion version : unknown) {
        plans.version(year, version.accountId(), version.version())
            .ifPresent(read -> known.put(key(year, version), Facts.of(read.content())));
      }
      Map<String, Facts> facts = new LinkedHashMap<>();
      for (AccountPlanRepository.LatestVersion version : latest) {
        Facts fact = known.get(key(year, version));
        if (fact == null) {
          return readAll(year); // submitted or deleted meanwhile
        }
        facts.put(version.accountId(), fact);
      }
      return facts;
    }
  }

  private static Key key(int year, AccountPlanRepository.LatestVersion version) {
    return new Key(year, version.accountId(), version.version(), version.submittedAt());
  }

  /** Reads and parses every latest version of the year: the first time, or after many new submissions. */
  private Map<String, Facts> readAll(int year) {
    Map<String, Facts> facts = new LinkedHashMap<>();
    for (Map.Entry<String, PlanVersion> latest : plans.latestVersions(year).entrySet()) {
      PlanVersion version = latest.getValue();
      Facts fact = Facts.of(version.content());
      facts.put(latest.getKey(), fact);
      known.put(new Key(year, latest.getKey(), version.version(), version.submittedAt()), fact);
    }
    return facts;
  }
}
