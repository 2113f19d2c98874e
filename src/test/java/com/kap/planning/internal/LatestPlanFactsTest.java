package com.kap.planning.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.kap.planning.PlanContent;
import com.kap.planning.PlanVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The dashboard's facts of the latest plan versions: parsed once per version, new versions read as they come. */
class LatestPlanFactsTest {

  private static final int YEAR = 2031;
  private static final Instant MONDAY = Instant.parse("2030-11-04T09:00:00Z");

  private final AccountPlanRepository plans = mock(AccountPlanRepository.class);
  private final LatestPlanFacts facts = new LatestPlanFacts(plans);

  @Test
  void aVersionIsReadOnceAndANewOneOfAPlanIsReadByItself() {
    when(plans.latestVersionKeys(YEAR)).thenReturn(List.of(latest("A", 1), latest("B", 1)));
    when(plans.version(YEAR, "A", 1)).thenReturn(Optional.of(version(1, "value", "kam")));
    when(plans.version(YEAR, "B", 1)).thenReturn(Optional.of(version(1, "revenue")));

    Map<String, LatestPlanFacts.Facts> first = facts.of(YEAR);
    assertThat(first.get("A").hasValueObjective()).isTrue();
    assertThat(first.get("A").trainingNeeds()).extracting(PlanContent.TrainingNeed::forWhom).containsExactly("kam");
    assertThat(first.get("B").hasValueObjective()).isFalse();

    assertThat(facts.of(YEAR)).as("known versions are not read again").isEqualTo(first);
    verify(plans, times(1)).version(YEAR, "A", 1);
    verify(plans, times(1)).version(YEAR, "B", 1);

    // B submits version 2, now with a profitability objective: only that version is read
    when(plans.latestVersionKeys(YEAR)).thenReturn(List.of(latest("A", 1), latest("B", 2)));
    when(plans.version(YEAR, "B", 2)).thenReturn(Optional.of(version(2, "profitability")));
    assertThat(facts.of(YEAR).get("B").hasValueObjective()).isTrue();
    verify(plans, times(1)).version(YEAR, "A", 1);
    verify(plans, times(1)).version(YEAR, "B", 2);
    verify(plans, never()).latestVersions(anyInt());
  }

  @Test
  void manyNewVersionsAreReadAtOnce() {
    List<AccountPlanRepository.LatestVersion> keys = new ArrayList<>();
    Map<String, PlanVersion> versions = new LinkedHashMap<>();
    for (int i = 0; i <= LatestPlanFacts.ONE_BY_ONE; i++) {
      keys.add(latest("ACC-" + i, 1));
      versions.put("ACC-" + i, version(1, "revenue"));
    }
    when(plans.latestVersionKeys(YEAR)).thenReturn(keys);
    when(plans.latestVersions(YEAR)).thenReturn(versions);
    assertThat(facts.of(YEAR)).hasSize(LatestPlanFacts.ONE_BY_ONE + 1);
    verify(plans, never()).version(anyInt(), anyString(), anyInt());
  }

  @Test
  void aRestartedCyclesVersionOfTheSameNumberIsReadAfresh() {
    when(plans.latestVersionKeys(YEAR)).thenReturn(List.of(latest("A", 1)));
    when(plans.version(YEAR, "A", 1)).thenReturn(Optional.of(version(1, "value")));
    assertThat(facts.of(YEAR).get("A").hasValueObjective()).isTrue();

    // the cycle was cancelled and started again: version 1 again, submitted later, without the value objective
    Instant later = MONDAY.plusSeconds(3600);
    when(plans.latestVersionKeys(YEAR)).thenReturn(List.of(new AccountPlanRepository.LatestVersion("A", 1, later)));
    when(plans.version(YEAR, "A", 1)).thenReturn(Optional.of(version(1, later, "revenue")));
    assertThat(facts.of(YEAR).get("A").hasValueObjective()).isFalse();
  }

  private static AccountPlanRepository.LatestVersion latest(String account, int version) {
    return new AccountPlanRepository.LatestVersion(account, version, MONDAY.plusSeconds(version));
  }

  private static PlanVersion version(int number, String objectiveType, String... audiences) {
    return version(number, MONDAY.plusSeconds(number), objectiveType, audiences);
  }

  private static PlanVersion version(int number, Instant at, String objectiveType, String... audiences) {
    List<PlanContent.TrainingNeed> needs = new ArrayList<>();
    for (String audience : audiences) {
      needs.add(new PlanContent.TrainingNeed(audience, "Value selling"));
    }
    PlanContent content = new PlanContent("situation", "strategy", "strengths", "vulnerabilities",
        List.of(new PlanContent.Objective(objectiveType, "Grow", "margin", "1", "2", null)), "strategies", List.of(),
        List.of(), needs, null);
    return new PlanVersion(number, "alice", at, content, true, List.of(), null, null, null, null, null, null, null);
  }
}
