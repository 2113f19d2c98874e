package com.kap.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The counting behind the year's proofs of success, on figures made up for it. */
class ProgrammeProofsTest {

  private static ObjectiveResultsSource.ObjectiveResult objective(String type, String target, String actual,
      Integer percent) {
    return new ObjectiveResultsSource.ObjectiveResult("ACC-1", 0, type, target,
        actual == null ? null : new BigDecimal(actual), percent);
  }

  @Test
  void anObjectiveIsMetWhenItsActualReachesTheTargetAndOnlyReviewedOnesCount() {
    ProgrammeProofs.Objectives figures = ProgrammeProofs.objectives(List.of(
        objective("revenue", "€2.4M", "2.2", 92),
        objective("revenue", "€1M", "1.0", 100),
        objective("revenue", "grow", "3", null), // a target without a number: not reviewed
        objective("profitability", "15 %", "16", 107),
        objective("profitability", "20 %", null, null), // no review yet
        objective("value", "NPS 40", "38", 95),
        objective("relationship", "Board meeting", null, null)), 2);

    assertThat(figures.plansWithValueObjective()).isEqualTo(2);
    assertThat(figures.revenue()).isEqualTo(new ProgrammeProofs.ObjectiveFigures("revenue", "Revenue", 3, 2, 1, 96));
    assertThat(figures.margin())
        .isEqualTo(new ProgrammeProofs.ObjectiveFigures("profitability", "Profitability", 2, 1, 1, 107));
    assertThat(figures.value()).as("profitability and value objectives together")
        .extracting(ProgrammeProofs.ObjectiveFigures::objectives, ProgrammeProofs.ObjectiveFigures::reviewed,
            ProgrammeProofs.ObjectiveFigures::met, ProgrammeProofs.ObjectiveFigures::averagePercent)
        .containsExactly(3, 2, 1, 101);
    assertThat(figures.byType()).extracting(ProgrammeProofs.ObjectiveFigures::type)
        .containsExactly("revenue", "profitability", "value", "relationship");
    assertThat(figures.byType().get(3).averagePercent()).as("none reviewed").isNull();
  }

  @Test
  void noObjectivesGiveZerosAndNoAverage() {
    ProgrammeProofs.Objectives figures = ProgrammeProofs.objectives(List.of(), 0);
    assertThat(figures.value().objectives()).isZero();
    assertThat(figures.value().averagePercent()).isNull();
    assertThat(figures.margin().averagePercent()).isNull();
  }

  @Test
  void bidValueAddsTheRoundsUpAndDividesOnlyWhatWasReported() {
    ProgrammeProofs.BidValue value = ProgrammeProofs.bidValue(List.of(
        new BudgetFiguresSource.ResultRatio("Round A", 3, 2, 100_000, 90_000, new BigDecimal("0.90")),
        new BudgetFiguresSource.ResultRatio("Round B", 2, 1, 50_000, 60_000, new BigDecimal("1.20"))), List.of());
    assertThat(value.fundedBids()).isEqualTo(5);
    assertThat(value.reportedBids()).isEqualTo(3);
    assertThat(value.promised()).isEqualTo(150_000);
    assertThat(value.delivered()).isEqualTo(150_000);
    assertThat(value.ratio()).isEqualByComparingTo("1.00");

    ProgrammeProofs.BidValue unreported = ProgrammeProofs.bidValue(List.of(
        new BudgetFiguresSource.ResultRatio("Round A", 3, 0, 0, 0, null)), List.of());
    assertThat(unreported.fundedBids()).isEqualTo(3);
    assertThat(unreported.ratio()).as("nothing reported: no ratio, not 0 %").isNull();
  }

  private static TrainingSession session(long no, String audience, String hours, String... people) {
    return new TrainingSession(no, 2030, "Session " + no, audience, LocalDate.of(2030, 3, (int) no),
        new BigDecimal(hours), List.of(people), List.of(), null, "hana", Instant.EPOCH);
  }

  @Test
  void trainingCountsSessionsPeopleOnceAndParticipantHoursPerAudience() {
    ProgrammeProofs.Training training = ProgrammeProofs.training(true, Map.of("kam", 3, "sponsor", 1),
        List.of(session(1, "kam", "6", "alice", "bruno"), session(2, "kam", "1.5", "alice"),
            session(3, "sponsor", "2.0", "gilles")));

    assertThat(training.planConsolidated()).isTrue();
    assertThat(training.byAudience()).extracting(ProgrammeProofs.AudienceTraining::audience)
        .containsExactly("kam", "team", "sponsor", "seniorManagement");
    ProgrammeProofs.AudienceTraining kams = training.byAudience().get(0);
    assertThat(kams.label()).isEqualTo("KAM");
    assertThat(kams.needs()).isEqualTo(3);
    assertThat(kams.sessions()).isEqualTo(2);
    assertThat(kams.participants()).as("alice once").isEqualTo(2);
    assertThat(kams.hours()).isEqualByComparingTo("7.5");
    assertThat(kams.participantHours()).isEqualByComparingTo("13.5");
    assertThat(training.byAudience().get(1).sessions()).isZero();
    assertThat(training.total()).extracting(ProgrammeProofs.AudienceTraining::needs,
            ProgrammeProofs.AudienceTraining::sessions, ProgrammeProofs.AudienceTraining::participants)
        .containsExactly(4, 3, 3);
    assertThat(training.total().participantHours()).isEqualByComparingTo("15.5");
    assertThat(training.sessions()).extracting(ProgrammeProofs.Session::hours).extracting(BigDecimal::toPlainString)
        .containsExactly("6", "1.5", "2");
  }
}
