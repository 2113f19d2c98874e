package com.kap.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dashboard's approvals week by week against the plan deadline, and the chart drawn from them. */
class ApprovalsOverTimeTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  /** A day after every week of these tests. */
  private static final LocalDate LATER = LocalDate.of(2027, 6, 1);

  @Test
  void weeksRunFromTheFirstApprovalToTheDeadlineWithTheCountSoFar() {
    // Wednesday 2 Dec, Sunday 6 Dec late evening in Paris (still that week), Monday 14 Dec; deadline Tuesday 22 Dec
    List<DashboardView.ApprovalWeek> weeks = ProgrammeDashboard.approvalWeeks(List.of(
        Instant.parse("2026-12-02T10:00:00Z"), Instant.parse("2026-12-06T22:30:00Z"),
        Instant.parse("2026-12-14T08:00:00Z")), LocalDate.of(2026, 12, 22), PARIS, 4, LATER);

    assertThat(weeks).extracting(DashboardView.ApprovalWeek::weekEnding).containsExactly(
        LocalDate.of(2026, 12, 6), LocalDate.of(2026, 12, 13), LocalDate.of(2026, 12, 20), LocalDate.of(2026, 12, 27));
    assertThat(weeks).extracting(DashboardView.ApprovalWeek::approved).containsExactly(2, 0, 1, 0);
    assertThat(weeks).extracting(DashboardView.ApprovalWeek::approvedSoFar).containsExactly(2, 2, 3, 3);
    assertThat(weeks).extracting(DashboardView.ApprovalWeek::deadlineWeek).containsExactly(false, false, false, true);
    assertThat(weeks.get(3).share()).isEqualByComparingTo(new BigDecimal("0.75"));
  }

  @Test
  void theDeadlineInTheTimeZoneOfTheCycleCountsTheSameDay() {
    // 23:30 UTC on Saturday is Sunday in Paris: the approval belongs to the next week
    List<DashboardView.ApprovalWeek> weeks = ProgrammeDashboard.approvalWeeks(List.of(
        Instant.parse("2026-12-05T23:30:00Z")), LocalDate.of(2026, 12, 6), PARIS, 1, LATER);
    assertThat(weeks).singleElement().satisfies(week -> {
      assertThat(week.weekEnding()).isEqualTo(LocalDate.of(2026, 12, 6));
      assertThat(week.deadlineWeek()).isTrue();
    });
    assertThat(ProgrammeDashboard.approvalWeeks(List.of(Instant.parse("2026-12-06T23:30:00Z")),
        LocalDate.of(2026, 12, 6), PARIS, 1, LATER)).extracting(DashboardView.ApprovalWeek::weekEnding)
        .as("Monday in Paris starts the week after the deadline's").containsExactly(LocalDate.of(2026, 12, 13));
  }

  @Test
  void approvalsAfterTheDeadlineExtendTheWeeksBeyondIt() {
    List<DashboardView.ApprovalWeek> weeks = ProgrammeDashboard.approvalWeeks(List.of(
        Instant.parse("2027-01-12T10:00:00Z")), LocalDate.of(2026, 12, 15), PARIS, 2, LATER);
    assertThat(weeks).hasSize(1).allSatisfy(week -> assertThat(week.deadlineWeek()).isFalse());
    assertThat(ProgrammeDashboard.approvalWeeks(List.of(), LocalDate.of(2026, 12, 15), PARIS, 2, LATER)).isEmpty();
  }

  @Test
  void weeksToComeAreNotShownAsIfTheyHadHappened() {
    // on Tuesday 8 Dec, one approval on Wednesday 2 Dec, the deadline on Tuesday 22 Dec: the weeks end with this one
    List<DashboardView.ApprovalWeek> weeks = ProgrammeDashboard.approvalWeeks(List.of(
        Instant.parse("2026-12-02T10:00:00Z")), LocalDate.of(2026, 12, 22), PARIS, 4, LocalDate.of(2026, 12, 8));
    assertThat(weeks).extracting(DashboardView.ApprovalWeek::weekEnding)
        .containsExactly(LocalDate.of(2026, 12, 6), LocalDate.of(2026, 12, 13));
    assertThat(weeks).noneMatch(DashboardView.ApprovalWeek::deadlineWeek);
    assertThat(ProgrammeDashboard.chart(weeks, 4).deadlineX()).as("no deadline line before its week").isNull();
  }

  @Test
  void theChartDrawsTheShareApprovedSoFarAndMarksTheDeadline() {
    List<DashboardView.ApprovalWeek> weeks = ProgrammeDashboard.approvalWeeks(List.of(
        Instant.parse("2026-12-02T10:00:00Z"), Instant.parse("2026-12-14T08:00:00Z")), LocalDate.of(2026, 12, 16),
        PARIS, 4, LATER);
    DashboardView.Chart chart = ProgrammeDashboard.chart(weeks, 4);
    assertThat(chart.points()).isEqualTo("0,150 300,150 600,100");
    assertThat(chart.deadlineX()).isEqualTo(600);
    assertThat(chart.firstWeek()).isEqualTo("2026-12-06");
    assertThat(chart.lastWeek()).isEqualTo("2026-12-20");
    assertThat(ProgrammeDashboard.chart(List.of(), 4).points()).isEmpty();
  }
}
