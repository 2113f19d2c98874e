package com.kap.planning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The programme dashboard page of one cycle year, counted within the accounts its reader may see (a region, an
 * executive sponsor's accounts) from one reading of the year's records.
 *
 * @param figures the year's plans in numbers, as {@link ProgrammeDashboard.Dashboard} counts them for the whole
 *     programme, here within the scope
 * @param plansBySegment segment label → status (Drafting, In review, Approved, No plan) → accounts
 * @param deadlinePassed whether the end of the plan deadline day has passed
 * @param overdue the plans not approved after the deadline (none before it)
 * @param approvals approvals week by week, from the week of the first approval to the later of the deadline's week
 *     and the last approval's
 * @param chart the approvals as a line chart's points (SVG coordinates in a 600 × 200 box), with the deadline's x
 * @param accountsPerSegment segment label → accounts
 * @param budgetByRegion region → bids requested and funded of the year's rounds
 * @param budgetBySegment segment label → bids requested and funded
 * @param rituals ritual compliance in total, by segment and by KAM
 * @param trainingNeeds the training needs of the plans' latest versions, by audience
 */
public record DashboardView(int year, Scope scope, Figures figures, Map<String, Map<String, Integer>> plansBySegment,
    boolean deadlinePassed, List<ProgrammeDashboard.OverduePlan> overdue, List<ApprovalWeek> approvals, Chart chart,
    Map<String, Long> accountsPerSegment, Map<String, Budget> budgetByRegion, Map<String, Budget> budgetBySegment,
    Rituals rituals, TrainingNeeds trainingNeeds) {

  /**
   * Whose accounts the page counts.
   *
   * @param region one region, or null for all
   * @param sponsor an executive sponsor whose accounts alone count, or null for all
   */
  public record Scope(String region, String sponsor) {

    public static Scope all() {
      return new Scope(null, null);
    }

    public boolean isWholeProgramme() {
      return region == null && sponsor == null;
    }
  }

  public record Figures(String planDeadline, String closingDate, int accounts, int plans, int approved,
      int approvedOnTime, int approvedLate, int notApproved, int overdue, BigDecimal shareWithValueObjective,
      boolean trainingPlanConsolidated) {}

  /**
   * @param weekEnding the Sunday that ends the week
   * @param approved plans approved in the week
   * @param approvedSoFar plans approved by the end of the week
   * @param share approvedSoFar of the plans in the cycle (0-1)
   * @param deadlineWeek whether the plan deadline falls in the week
   */
  public record ApprovalWeek(LocalDate weekEnding, int approved, int approvedSoFar, BigDecimal share,
      boolean deadlineWeek) {}

  /** @param points the polyline's points; empty without approvals */
  public record Chart(String points, Integer deadlineX) {}

  /**
   * @param bids bids asking (withdrawn ones left out)
   * @param requested what they ask for
   * @param funded what the decisions fund
   */
  public record Budget(int bids, long requested, int fundedBids, long funded) {

    static Budget of(long cost, boolean isFunded) {
      return new Budget(1, cost, isFunded ? 1 : 0, isFunded ? cost : 0);
    }

    Budget add(Budget other) {
      return new Budget(bids + other.bids, requested + other.requested, fundedBids + other.fundedBids,
          funded + other.funded);
    }

    /** What is funded of what is asked for (0-1), or null without a request. */
    public BigDecimal fundedShare() {
      return requested == 0 ? null : BigDecimal.valueOf(funded).divide(BigDecimal.valueOf(requested), 2,
          java.math.RoundingMode.HALF_UP);
    }
  }

  /** Held of due per group; {@code byKam} names each KAM. */
  public record Rituals(Rate total, Map<String, Rate> bySegment, Map<String, Rate> byKam) {}

  public record Rate(int planned, int due, int held) {

    public BigDecimal heldShare() {
      return due == 0 ? null : BigDecimal.valueOf(held).divide(BigDecimal.valueOf(due), 2,
          java.math.RoundingMode.HALF_UP);
    }

    Rate add(Rate other) {
      return new Rate(planned + other.planned, due + other.due, held + other.held);
    }
  }
}
